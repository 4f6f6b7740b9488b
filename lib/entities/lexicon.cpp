#include "entities/lexicon.h"

#include <unordered_map>
#include <unordered_set>

namespace textgraph::entities {

namespace {

using Set = std::unordered_set<std::string_view>;

bool in(const Set& set, std::string_view w) { return set.count(w) != 0; }

}  // namespace

bool is_title_word(std::string_view w) {
  static const Set titles = {"President",
                             "Vice",
                             "Prime",
                             "Minister",
                             "Foreign",
                             "Defense",
                             "Defence",
                             "Interior",
                             "Finance",
                             "Secretary",
                             "Secretary-General",
                             "General",
                             "Chancellor",
                             "King",
                             "Queen",
                             "Prince",
                             "Princess",
                             "Crown",
                             "Sheikh",
                             "Emir",
                             "Pope",
                             "Premier",
                             "Senator",
                             "Sen.",
                             "Rep.",
                             "Representative",
                             "Governor",
                             "Gov.",
                             "Mayor",
                             "Judge",
                             "Justice",
                             "Chief",
                             "Mr.",
                             "Mr",
                             "Mrs.",
                             "Mrs",
                             "Ms.",
                             "Ms",
                             "Dr.",
                             "Dr",
                             "Lord",
                             "Sir",
                             "Dame",
                             "Ayatollah",
                             "Supreme",
                             "Leader",
                             "Commander",
                             "Colonel",
                             "Col.",
                             "Gen.",
                             "Lt.",
                             "Captain",
                             "Admiral",
                             "Ambassador",
                             "Envoy",
                             "Special",
                             "Spokesman",
                             "Spokeswoman",
                             "Speaker",
                             "Former",
                             "Deputy",
                             "Opposition",
                             "Chairman",
                             "Chairwoman",
                             "Chair",
                             "CEO",
                             "Director",
                             "Attorney",
                             "Health",
                             "Trade",
                             "Economy",
                             "Energy",
                             "State",
                             "Security",
                             "Adviser",
                             "Advisor",
                             "National",
                             "Acting",
                             "President-elect",
                             "Sultan",
                             "Crown-Prince",
                             "Archbishop",
                             "Cardinal",
                             "Bishop",
                             "Rabbi",
                             "Imam",
                             "Field",
                             "Marshal",
                             "Sergeant",
                             "Major",
                             "Officer",
                             "former",
                             "then",
                             "acting",
                             "outgoing",
                             "incoming",
                             "late"};
  return in(titles, w);
}

Gender title_gender(std::string_view w) {
  static const Set male = {"King",     "Prince",    "Mr.",   "Mr",      "Sir",  "Lord",
                           "Sheikh",   "Emir",      "Pope",  "Sultan",  "Imam", "Ayatollah",
                           "Chairman", "Spokesman", "Rabbi", "Cardinal"};
  static const Set female = {"Queen", "Princess", "Mrs.",       "Mrs",        "Ms.",
                             "Ms",    "Dame",     "Chairwoman", "Spokeswoman"};
  if (in(male, w)) return Gender::kMale;
  if (in(female, w)) return Gender::kFemale;
  return Gender::kUnknown;
}

Gender first_name_gender(std::string_view name) {
  static const Set male = {
      "Vladimir",  "Donald",    "Joe",      "Joseph",    "Emmanuel",  "Olaf",        "Rishi",
      "Boris",     "Volodymyr", "Recep",    "Benjamin",  "Narendra",  "Justin",      "Keir",
      "Friedrich", "Sergei",    "Sergey",   "Dmitry",    "Dmitri",    "Mohammed",    "Muhammad",
      "Mohammad",  "Ali",       "Ebrahim",  "Hassan",    "Abbas",     "Ahmed",       "Ahmad",
      "Masoud",    "Antony",    "Anthony",  "John",      "James",     "Robert",      "Michael",
      "William",   "David",     "Richard",  "Thomas",    "Charles",   "Christopher", "Daniel",
      "Matthew",   "Mark",      "Paul",     "Steven",    "Stephen",   "Andrew",      "Kenneth",
      "George",    "Edward",    "Brian",    "Ronald",    "Kevin",     "Jason",       "Jeffrey",
      "Ryan",      "Jacob",     "Gary",     "Nicholas",  "Eric",      "Jonathan",    "Larry",
      "Frank",     "Scott",     "Peter",    "Samuel",    "Patrick",   "Alexander",   "Jack",
      "Dennis",    "Jerry",     "Tyler",    "Aaron",     "Henry",     "Adam",        "Nathan",
      "Zachary",   "Kyle",      "Walter",   "Harold",    "Carl",      "Arthur",      "Lawrence",
      "Roger",     "Albert",    "Joshua",   "Bernie",    "Barack",    "Bill",        "Mike",
      "Marco",     "Ron",       "Ted",      "Chuck",     "Mitch",     "Kevin",       "Lloyd",
      "Jake",      "Xavier",    "Pedro",    "Luiz",      "Javier",    "Gustavo",     "Andres",
      "Andrés",    "Nicolas",   "Nicolás",  "Jair",      "Alberto",   "Mario",       "Giuseppe",
      "Silvio",    "Matteo",    "Pedro",    "Carlos",    "Juan",      "Luis",        "Jose",
      "José",      "Miguel",    "Jorge",    "Alexei",    "Alexey",    "Yevgeny",     "Ramzan",
      "Aleksandr", "Alexander", "Viktor",   "Andrzej",   "Mateusz",   "Donald",      "Mark",
      "Jens",      "Josep",     "Charles",  "Fumio",     "Shinzo",    "Yoon",        "Naftali",
      "Yair",      "Benny",     "Isaac",    "Yahya",     "Ismail",    "Khalid",      "Abdullah",
      "Salman",    "Tamim",     "Bashar",   "Hosni",     "Abdel",     "Nayib",       "Javier",
      "Cyril",     "Jacob",     "Nelson",   "William",   "Paul",      "Abiy",        "Bola",
      "Muhammadu", "Yoweri",    "Rodrigo",  "Ferdinand", "Narendra",  "Imran",       "Shehbaz",
      "Nawaz",     "Anwar",     "Lee",      "Hun",       "Tony",      "Gordon",      "Nigel",
      "Jeremy",    "Ed",        "Keir",     "Rishi",     "Liam",      "Noah",        "Oliver",
      "Elijah",    "Lucas",     "Mason",    "Logan",     "Ethan",     "Sebastian",   "Jayden",
      "Hans",      "Klaus",     "Wolfgang", "Jean",      "Pierre",    "Francois",    "François",
      "Jacques",   "Nicolas",   "Gabriel",  "Ivan",      "Oleksandr", "Andriy",      "Petro",
      "Viktor",    "Vitali",    "Vitaliy",  "Dmytro",    "Kim",       "Xi",          "Elon",
      "Jeff",      "Sam",       "Tim",      "Steve",     "Warren",    "Jamie"};
  static const Set female = {
      "Angela",     "Ursula",   "Kamala",   "Hillary",     "Theresa",   "Liz",
      "Elizabeth",  "Giorgia",  "Nancy",    "Kaja",        "Annalena",  "Christine",
      "Jacinda",    "Sanna",    "Mette",    "Marine",      "Nikki",     "Kristi",
      "Mary",       "Patricia", "Jennifer", "Linda",       "Barbara",   "Susan",
      "Jessica",    "Sarah",    "Karen",    "Lisa",        "Nancy",     "Betty",
      "Margaret",   "Sandra",   "Ashley",   "Kimberly",    "Emily",     "Donna",
      "Michelle",   "Carol",    "Amanda",   "Dorothy",     "Melissa",   "Deborah",
      "Stephanie",  "Rebecca",  "Sharon",   "Laura",       "Cynthia",   "Kathleen",
      "Amy",        "Angela",   "Shirley",  "Anna",        "Brenda",    "Pamela",
      "Emma",       "Nicole",   "Helen",    "Samantha",    "Katherine", "Christina",
      "Debra",      "Rachel",   "Carolyn",  "Janet",       "Catherine", "Maria",
      "Heather",    "Diane",    "Ruth",     "Julie",       "Olivia",    "Joyce",
      "Virginia",   "Victoria", "Kelly",    "Lauren",      "Christina", "Joan",
      "Evelyn",     "Judith",   "Megan",    "Andrea",      "Cheryl",    "Hannah",
      "Jacqueline", "Martha",   "Gloria",   "Teresa",      "Ann",       "Sara",
      "Madison",    "Frances",  "Kathryn",  "Janice",      "Jean",      "Abigail",
      "Alice",      "Julia",    "Judy",     "Sophia",      "Grace",     "Denise",
      "Amber",      "Doris",    "Marilyn",  "Danielle",    "Beverly",   "Isabella",
      "Theresa",    "Diana",    "Natalie",  "Brittany",    "Charlotte", "Marie",
      "Kayla",      "Alexis",   "Lori",     "Condoleezza", "Madeleine", "Golda",
      "Indira",     "Benazir",  "Aung",     "Tsai",        "Yulia",     "Maia",
      "Salome",     "Roberta",  "Mia",      "Kristalina",  "Janet",     "Gina",
      "Kristen",    "Penny",    "Suella",   "Priti",       "Rachel",    "Yvette",
      "Nicola",     "Arlene",   "Mary-Lou", "Dilma",       "Michelle",  "Cristina",
      "Claudia",    "Xiomara",  "Ellen",    "Ngozi",       "Greta",     "Marta",
      "Magdalena",  "Ewa",      "Olena",    "Iryna",       "Oksana",    "Svetlana",
      "Maria",      "Elena",    "Natalia",  "Tatiana",     "Olga",      "Ilhan",
      "Alexandria", "Elise",    "Tulsi",    "Kristi"};
  if (in(male, name)) return Gender::kMale;
  if (in(female, name)) return Gender::kFemale;
  return Gender::kUnknown;
}

bool is_state_noun(std::string_view lemma) {
  static const Set nouns = {"leader", "leadership", "government", "authority", "administration",
                            "regime", "official",   "cabinet",    "ministry",  "parliament"};
  return in(nouns, lemma);
}

bool is_representative_noun(std::string_view lemma) {
  static const Set nouns = {
      "envoy",       "diplomat",     "negotiator", "delegation",     "delegate",     "troop",
      "force",       "soldier",      "military",   "army",           "navy",         "air force",
      "embassy",     "ambassador",   "president",  "minister",       "lawmaker",     "legislator",
      "senator",     "prosecutor",   "police",     "intelligence",   "agency",       "spokesman",
      "spokeswoman", "spokesperson", "mediator",   "representative", "investigator", "regulator",
      "court",       "judge",        "commander",  "general",        "guard",        "militant",
      "rebel",       "ally",         "team",       "counterpart"};
  return in(nouns, lemma);
}

Describes description_of(std::string_view lemma) {
  static const std::unordered_map<std::string_view, Describes> words = {
      {"president", Describes::kPersonTitle},
      {"minister", Describes::kPersonTitle},
      {"chancellor", Describes::kPersonTitle},
      {"premier", Describes::kPersonTitle},
      {"king", Describes::kPersonTitle},
      {"queen", Describes::kPersonTitle},
      {"prince", Describes::kPersonTitle},
      {"pope", Describes::kPersonTitle},
      {"senator", Describes::kPersonTitle},
      {"governor", Describes::kPersonTitle},
      {"mayor", Describes::kPersonTitle},
      {"secretary", Describes::kPersonTitle},
      {"ambassador", Describes::kPersonTitle},
      {"envoy", Describes::kPersonTitle},
      {"general", Describes::kPersonTitle},
      {"spokesman", Describes::kPersonTitle},
      {"spokeswoman", Describes::kPersonTitle},
      {"chairman", Describes::kPersonTitle},
      {"emir", Describes::kPersonTitle},
      {"sheikh", Describes::kPersonTitle},
      {"leader", Describes::kLeader},
      {"country", Describes::kCountry},
      {"nation", Describes::kCountry},
      {"kingdom", Describes::kCountry},
      {"republic", Describes::kCountry},
      {"bloc", Describes::kOrganisation},
      {"alliance", Describes::kOrganisation},
      {"organisation", Describes::kOrganisation},
      {"organization", Describes::kOrganisation},
      {"agency", Describes::kOrganisation},
      {"union", Describes::kOrganisation},
      {"group", Describes::kOrganisation},
      {"company", Describes::kOrganisation},
      {"body", Describes::kOrganisation}};
  auto it = words.find(lemma);
  return it == words.end() ? Describes::kNothing : it->second;
}

PronounInfo pronoun_info(std::string_view w) {
  static const std::unordered_map<std::string_view, PronounInfo> table = {
      {"he", {true, Gender::kMale, false, false, false, false}},
      {"him", {true, Gender::kMale, false, false, false, false}},
      {"his", {true, Gender::kMale, false, false, true, false}},
      {"himself", {true, Gender::kMale, false, false, false, true}},
      {"she", {true, Gender::kFemale, false, false, false, false}},
      {"her", {true, Gender::kFemale, false, false, true, false}},
      {"hers", {true, Gender::kFemale, false, false, true, false}},
      {"herself", {true, Gender::kFemale, false, false, false, true}},
      {"it", {true, Gender::kUnknown, false, true, false, false}},
      {"its", {true, Gender::kUnknown, false, true, true, false}},
      {"itself", {true, Gender::kUnknown, false, true, false, true}},
      {"they", {true, Gender::kUnknown, true, false, false, false}},
      {"them", {true, Gender::kUnknown, true, false, false, false}},
      {"their", {true, Gender::kUnknown, true, false, true, false}},
      {"theirs", {true, Gender::kUnknown, true, false, true, false}},
      {"themselves", {true, Gender::kUnknown, true, false, false, true}}};
  auto it = table.find(w);
  return it == table.end() ? PronounInfo{} : it->second;
}

bool is_org_suffix(std::string_view w) {
  static const Set words = {"Ministry",    "Council",    "Party",        "Bank",
                            "Agency",      "Inc.",       "Inc",          "Corp.",
                            "Corp",        "Ltd",        "Ltd.",         "Group",
                            "University",  "Court",      "Army",         "Police",
                            "Committee",   "Union",      "Organization", "Organisation",
                            "Association", "Federation", "Commission",   "Parliament",
                            "Assembly",    "Department", "Office",       "Institute",
                            "Foundation",  "Company",    "Co.",          "Authority",
                            "Service",     "Forces",     "Guard",        "Navy",
                            "Coalition",   "Front",      "Movement",     "Brigade",
                            "Fund",        "Network",    "Times",        "Post",
                            "News",        "Airlines",   "Motors",       "Senate",
                            "Congress",    "Cabinet",    "Government",   "Administration",
                            "Board",       "Bureau"};
  return in(words, w);
}

bool is_place_suffix(std::string_view w) {
  static const Set words = {"Strait", "Sea",    "River",   "Mountains", "City",    "Province",
                            "Region", "Island", "Islands", "Ocean",     "Gulf",    "Bay",
                            "Street", "Square", "Valley",  "Peninsula", "Airport", "Oblast",
                            "County", "State",  "Lake",    "Desert",    "Canal",   "Port"};
  return in(words, w);
}

bool is_calendar_word(std::string_view w) {
  static const Set words = {"Monday",   "Tuesday",   "Wednesday", "Thursday", "Friday",
                            "Saturday", "Sunday",    "January",   "February", "March",
                            "July",     "September", "October",   "November", "December"};
  return in(words, w);
}

bool is_weather_verb(std::string_view lemma) {
  static const Set verbs = {"rain", "snow",    "hail",   "drizzle",
                            "pour", "thunder", "freeze", "sleet"};
  return in(verbs, lemma);
}

bool is_raising_verb(std::string_view lemma) {
  static const Set verbs = {"seem", "appear", "happen", "matter", "turn",
                            "take", "remain", "emerge", "follow", "transpire"};
  return in(verbs, lemma);
}

bool is_motion_verb(std::string_view lemma) {
  static const Set verbs = {"visit", "arrive", "travel", "fly",  "return",
                            "reach", "leave",  "enter",  "tour", "go",
                            "come",  "move",   "head",   "land", "flee"};
  return in(verbs, lemma);
}

bool is_speech_verb(std::string_view lemma) {
  static const Set verbs = {"say",     "tell",   "add",   "state",      "declare",
                            "insist",  "warn",   "claim", "announce",   "write",
                            "note",    "argue",  "ask",   "reply",      "respond",
                            "explain", "stress", "admit", "acknowledge"};
  return in(verbs, lemma);
}

}  // namespace textgraph::entities
