// One group per tokenization rule of the tokenizer header (UD English EWT
// conventions). Inputs are sentences written for these tests.
#include <gtest/gtest.h>

#include "tokenizer/helpers.h"

namespace textgraph {
namespace {

using testing::tokens;
using testing::words;

TEST(TokenRules, PlainWordsAndFinalPunctuation) {
  EXPECT_EQ(tokens("The envoys met in Geneva."), "The envoys met in Geneva .");
  EXPECT_EQ(tokens("Talks resumed, officials said; nothing changed: again!"),
            "Talks resumed , officials said ; nothing changed : again !");
  EXPECT_EQ(tokens("Really?!"), "Really ?!");
}

TEST(TokenRules, ContractionsAreMultiwordTokens) {
  EXPECT_EQ(words("I don't know."), "I don't=do+n't know .");
  EXPECT_EQ(words("I'm sure you're right and we've won."),
            "I'm=I+'m sure you're=you+'re right and we've=we+'ve won .");
  EXPECT_EQ(words("She can't and he won't."), "She can't=ca+n't and he won't=wo+n't .");
  EXPECT_EQ(words("They'll go, it'd help."), "They'll=They+'ll go , it'd=it+'d help .");
  EXPECT_EQ(words("I'd've said so."), "I'd've=I+'d+'ve said so .");
  EXPECT_EQ(words("We cannot wait."), "We cannot=can+not wait .");
  EXPECT_EQ(words("Cannot wait."), "Cannot=Can+not wait .");
  EXPECT_EQ(words("We're gonna win, I wanna go, you gotta see."),
            "We're=We+'re gonna=gon+na win , I wanna=wan+na go , you gotta=got+ta see .");
  EXPECT_EQ(words("I dont know, im tired."), "I dont=do+nt know , im=i+m tired .");
  EXPECT_EQ(words("Let's go."), "Let's=Let+'s go .");
  // "its" for "it's" (as EWT reads it) only where the possessive cannot be.
  EXPECT_EQ(words("its not its fault, its been its own"),
            "its=it+s not its fault , its=it+s been its own");
}

TEST(TokenRules, CurlyAndBacktickApostrophesInContractions) {
  EXPECT_EQ(words("It\u2019s what we don\u2019t say."),
            "It\u2019s=It+\u2019s what we don\u2019t=do+n\u2019t say .");
}

TEST(TokenRules, WordsWithInnerApostrophesStayWhole) {
  EXPECT_EQ(words("O'Brien met Shi'ite clerics at five o'clock."),
            "O'Brien met Shi'ite clerics at five o'clock .");
}

TEST(TokenRules, Possessives) {
  EXPECT_EQ(words("John's car"), "John's=John+'s car");
  EXPECT_EQ(words("Ukraine\u2019s role"), "Ukraine\u2019s=Ukraine+\u2019s role");
  EXPECT_EQ(words("the parents' house"), "the parents'=parents+' house");
  EXPECT_EQ(words("NATO's plan"), "NATO's=NATO+'s plan");
  EXPECT_EQ(words("the U.S.'s role"), "the U.S.'s=U.S.+'s role");
  // A closing single quote after s is a quote, not a possessive.
  EXPECT_EQ(tokens("the word 'sanctions' again"), "the word ' sanctions ' again");
}

TEST(TokenRules, MultiwordSplittingCanBeTurnedOff) {
  TokenizerOptions options;
  options.split_multiword = false;
  EXPECT_EQ(words("I don't know John's car.", options), "I don't know John's car .");
}

TEST(TokenRules, HyphenatedCompoundsSplitAsInEwt) {
  EXPECT_EQ(tokens("a well-known long-term plan"), "a well - known long - term plan");
  EXPECT_EQ(tokens("a 5-year deal for 30-40 people"), "a 5 - year deal for 30 - 40 people");
  EXPECT_EQ(tokens("state-of-the-art"), "state - of - the - art");
}

TEST(TokenRules, HyphenPrefixesStayAttached) {
  EXPECT_EQ(tokens("Send an e-mail to co-workers about non-violent anti-war pre-war plans."),
            "Send an e-mail to co-workers about non-violent anti-war pre-war plans .");
  EXPECT_EQ(tokens("a mid-August re-election"), "a mid-August re-election");
}

TEST(TokenRules, PhoneNumbersZipCodesAndDatesStayWhole) {
  EXPECT_EQ(tokens("Call 713-853-3989 or 345-9945 or 1-800-555-0199."),
            "Call 713-853-3989 or 345-9945 or 1-800-555-0199 .");
  EXPECT_EQ(tokens("Houston, TX 77042-2016"), "Houston , TX 77042-2016");
  EXPECT_EQ(tokens("on 11-20-2000 and 16/11/2004"), "on 11-20-2000 and 16/11/2004");
  EXPECT_EQ(tokens("Fax: 713/853-6197"), "Fax : 713/853-6197");
}

TEST(TokenRules, Abbreviations) {
  EXPECT_EQ(tokens("Mr. Smith met Gen. Jones and Sen. Lee in Jan. at Acme Corp. headquarters."),
            "Mr. Smith met Gen. Jones and Sen. Lee in Jan. at Acme Corp. headquarters .");
  EXPECT_EQ(tokens("The U.S. envoy, e.g. Dr. Brown, left at 5 p.m. sharp."),
            "The U.S. envoy , e.g. Dr. Brown , left at 5 p.m. sharp .");
  EXPECT_EQ(tokens("Apples, pears, etc. are fruit."), "Apples , pears , etc. are fruit .");
  EXPECT_EQ(tokens("It is No. 5 on the list."), "It is No. 5 on the list .");
  // Without a number after it, "No." is a word and a period.
  EXPECT_EQ(tokens("He said No."), "He said No .");
  // A lower-case word that is also an abbreviation when capitalized.
  EXPECT_EQ(tokens("He felt ill. Then he slept."), "He felt ill . | Then he slept .");
}

TEST(TokenRules, AbbreviationEndingASentenceGivesUpItsPeriod) {
  EXPECT_EQ(tokens("They sell apples, pears, etc. The rest is waste."),
            "They sell apples , pears , etc . | The rest is waste .");
  EXPECT_EQ(tokens("He moved to the U.S."), "He moved to the U.S .");
  EXPECT_EQ(tokens("We met at 5 p.m.\n\nThen we left."), "We met at 5 p.m . | Then we left .");
}

TEST(TokenRules, Initials) {
  EXPECT_EQ(tokens("George W. Bush met J. R. R. Tolkien."),
            "George W. Bush met J. R. R. Tolkien .");
  // "I" is the pronoun, not an initial.
  EXPECT_EQ(tokens("So did I. Then we left."), "So did I . | Then we left .");
}

TEST(TokenRules, NumbersAndDecimals) {
  EXPECT_EQ(tokens("It grew 3.5% to $60,000 or 1,234,567 units."),
            "It grew 3.5 % to $ 60,000 or 1,234,567 units .");
  EXPECT_EQ(tokens("the 1990s, the '90s and the 5th time"),
            "the 1990s , the '90s and the 5th time");
  EXPECT_EQ(tokens("It costs 65k, weighs 20kg and starts at 5pm."),
            "It costs 65 k , weighs 20 kg and starts at 5 pm .");
  EXPECT_EQ(tokens("Dial +44 20 7946 0958."), "Dial +44 20 7946 0958 .");
  EXPECT_EQ(tokens("Add 1/2 cup."), "Add 1 / 2 cup .");
  EXPECT_EQ(tokens("It fell by .5% to $.75 a share."), "It fell by .5 % to $ .75 a share .");
  EXPECT_EQ(tokens("a 3D model"), "a 3D model");
}

TEST(TokenRules, Times) {
  EXPECT_EQ(tokens("Meet at 10:30 or 7:30PM, not 08:27:46."),
            "Meet at 10:30 or 7:30 PM , not 08:27:46 .");
  EXPECT_EQ(tokens("from 5:00-8:30 daily"), "from 5:00 - 8:30 daily");
}

TEST(TokenRules, Urls) {
  EXPECT_EQ(tokens("See https://example.com/a/b?c=d&e=f."),
            "See https://example.com/a/b?c=d&e=f .");
  EXPECT_EQ(tokens("(see www.example.org/page)"), "( see www.example.org/page )");
  EXPECT_EQ(tokens("at <http://example.net/x>, then"), "at < http://example.net/x > , then");
  EXPECT_EQ(tokens("https://en.wikipedia.org/wiki/Kyiv_(city) is long"),
            "https://en.wikipedia.org/wiki/Kyiv_(city) is long");
  EXPECT_EQ(tokens("Visit whitehouse.gov today."), "Visit whitehouse.gov today .");
  EXPECT_EQ(tokens("mailto:jane@example.com"), "mailto:jane@example.com");
}

TEST(TokenRules, EmailAddresses) {
  EXPECT_EQ(tokens("Write to jane.doe-smith@example.co.uk."),
            "Write to jane.doe-smith@example.co.uk .");
  EXPECT_EQ(tokens("<press@example.org>"), "< press@example.org >");
}

TEST(TokenRules, HandlesAndHashtags) {
  EXPECT_EQ(tokens("Thanks @jane_doe and @UN for #peace #Ukraine2024"),
            "Thanks @jane_doe and @UN for #peace #Ukraine2024");
  EXPECT_EQ(tokens("It costs @ 5 each, item # 3"), "It costs @ 5 each , item # 3");
}

TEST(TokenRules, StraightAndCurlyQuotes) {
  EXPECT_EQ(tokens("He said \"no\" twice."), "He said \" no \" twice .");
  EXPECT_EQ(tokens("He said \u201Cno\u201D and \u2018maybe\u2019."),
            "He said \u201C no \u201D and \u2018 maybe \u2019 .");
  EXPECT_EQ(tokens("``Yes,'' she said."), "`` Yes , '' she said .");
}

TEST(TokenRules, Dashes) {
  EXPECT_EQ(tokens("tensions elsewhere\u2014particularly here\u2014remain"),
            "tensions elsewhere \u2014 particularly here \u2014 remain");
  EXPECT_EQ(tokens("pages 10\u201312 -- and more"), "pages 10 \u2013 12 -- and more");
  EXPECT_EQ(tokens("a pause --- then"), "a pause --- then");
}

TEST(TokenRules, Ellipses) {
  EXPECT_EQ(tokens("Wait... what"), "Wait ... what");
  EXPECT_EQ(tokens("Wait\u2026 what"), "Wait \u2026 what");
  EXPECT_EQ(tokens("Wait!!! What"), "Wait !!! | What");
  EXPECT_EQ(tokens("so, etc... fine"), "so , etc ... fine");
}

TEST(TokenRules, Parentheses) {
  EXPECT_EQ(tokens("The group (Hamas) said [sic] {x}."),
            "The group ( Hamas ) said [ sic ] { x } .");
  EXPECT_EQ(tokens("(see (above))"), "( see ( above ) )");
}

TEST(TokenRules, EmoticonsAndSymbols) {
  EXPECT_EQ(tokens("Great job :) see you ;-) bye"), "Great job :) see you ;-) bye");
  EXPECT_EQ(tokens("AT&T and P&G, R&D & more"), "AT&T and P&G , R&D & more");
  EXPECT_EQ(tokens("costs US$5"), "costs US$ 5");
  EXPECT_EQ(tokens("***** and ===="), "***** and ====");
}

TEST(TokenRules, FileNames) {
  EXPECT_EQ(tokens("Open ld2d-#69366-1.DOC now"), "Open ld2d-#69366-1.DOC now");
  EXPECT_EQ(tokens("(report-final.pdf)"), "( report-final.pdf )");
}

TEST(TokenRules, NonLatinScriptsStayWords) {
  EXPECT_EQ(tokens("\u041A\u0438\u0457\u0432 and caf\u00E9, na\u00EFve."),
            "\u041A\u0438\u0457\u0432 and caf\u00E9 , na\u00EFve .");
}

}  // namespace
}  // namespace textgraph
