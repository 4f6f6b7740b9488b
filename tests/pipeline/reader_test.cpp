// DocumentReader: which files a directory gives, in what order, document
// ids and numbering, the formats, and the errors naming FILE:LINE.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/helpers.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "tg-reader-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name, const std::string& content) const {
    const fs::path p = fs::path(path_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Every chunk of the inputs, not analyzed.
std::vector<Chunk> read_all(const std::vector<std::string>& inputs, const InputOptions& options,
                            Status* error = nullptr) {
  std::vector<Chunk> chunks;
  Result<DocumentReader> reader = DocumentReader::open(inputs, options);
  if (!reader.ok()) {
    if (error)
      *error = reader.status();
    else
      ADD_FAILURE() << reader.status().to_string();
    return chunks;
  }
  while (true) {
    Chunk c;
    Result<bool> got = reader->next(c);
    if (!got.ok()) {
      if (error)
        *error = got.status();
      else
        ADD_FAILURE() << got.status().to_string();
      break;
    }
    if (!*got) break;
    chunks.push_back(std::move(c));
  }
  return chunks;
}

std::string ids(const std::vector<Chunk>& chunks) {
  std::string out;
  for (const Chunk& c : chunks)
    out += (out.empty() ? "" : " ") + c.document_id + "#" + std::to_string(c.document_index) + "." +
           std::to_string(c.part);
  return out;
}

TEST(DocumentReader, DirectoryIsWalkedRecursivelyInByteOrder) {
  TempDir d;
  d.file("b.txt", "Second file.");
  d.file("a.txt", "First file.");
  d.file("sub/c.txt", "In a subdirectory.");
  d.file("B.txt", "Capital letters sort first.");
  d.file(".hidden.txt", "Skipped.");
  d.file(".git/x.txt", "Skipped.");
  d.file("notes.md", "Not an input.");
  d.file("e.jsonl", "{\"id\": \"e1\", \"text\": \"From JSONL.\"}\n");
  const std::string p = d.path();
  const auto chunks = read_all({p}, {});
  EXPECT_EQ(ids(chunks), p + "/B.txt#0.0 " + p + "/a.txt#1.0 " + p + "/b.txt#2.0 e1#3.0 " + p +
                             "/sub/c.txt#4.0");
  ASSERT_EQ(chunks.size(), 5u);
  EXPECT_EQ(chunks[1].raw, "First file.");
  EXPECT_EQ(chunks[3].raw, "From JSONL.");
  EXPECT_EQ(chunks[3].origin.file, p + "/e.jsonl");

  Result<DocumentReader> reader = DocumentReader::open({p}, {});
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->files().size(), 5u);
  ReadProgress before = reader->progress();
  EXPECT_EQ(before.files, 5u);
  EXPECT_EQ(before.files_done, 0u);
  EXPECT_EQ(before.bytes, 12u + 11u + 18u + 27u + 36u);
  EXPECT_EQ(before.bytes_done, 0u);
  Chunk c;
  ASSERT_TRUE(reader->next(c).ok());
  EXPECT_EQ(reader->progress().bytes_done, 27u);  // B.txt
  while (*reader->next(c)) {
  }
  const ReadProgress after = reader->progress();
  EXPECT_EQ(after.files_done, 5u);
  EXPECT_EQ(after.bytes_done, after.bytes);
  EXPECT_EQ(after.documents, 5u);

  InputOptions text_only;
  text_only.format = InputFormat::kText;
  EXPECT_EQ(read_all({p}, text_only).size(), 4u);
}

TEST(DocumentReader, MissingPathAndEmptyDirectory) {
  TempDir d;
  Status error;
  read_all({d.path() + "/nothing.txt"}, {}, &error);
  EXPECT_EQ(error.code(), ErrorCode::kIo);
  EXPECT_EQ(error.to_string(), d.path() + "/nothing.txt: cannot open: No such file or directory");
  d.file("readme.md", "no inputs here");
  error = Status();
  read_all({d.path()}, {}, &error);
  EXPECT_EQ(error.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(error.to_string(), d.path() + ": no .txt, .jsonl or .conllu files in this directory");
}

TEST(DocumentReader, LargeTextIsCutIntoParts) {
  TempDir d;
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Paragraph number " + std::to_string(i) + " is here.\n\n";
  const std::string f = d.file("big.txt", text);
  InputOptions options;
  options.chunk_bytes = 100;
  const auto chunks = read_all({f, f}, options);
  ASSERT_GT(chunks.size(), 10u);
  std::string joined;
  std::size_t line = 1;
  for (const Chunk& c : chunks) {
    if (c.document_index == 1 && c.part == 0) {
      EXPECT_EQ(joined, text);
      joined.clear();
      line = 1;
    }
    EXPECT_EQ(c.offset, joined.size());
    EXPECT_EQ(c.origin.line, line);
    EXPECT_EQ(c.kind, ChunkKind::kText);
    EXPECT_TRUE(c.starts_paragraph);
    joined += c.raw;
    line += static_cast<std::size_t>(std::count(c.raw.begin(), c.raw.end(), '\n'));
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(chunks.back().document_index, 1u);
}

TEST(DocumentReader, BinaryDataIsRefusedNamingTheLine) {
  TempDir d;
  const std::string f = d.file("junk.txt", std::string("line one\nline two\nbad \0 byte\n", 29));
  Status error;
  read_all({f}, {}, &error);
  EXPECT_EQ(error.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where().line, 3u);
  EXPECT_NE(error.message().find("binary data"), std::string::npos);
}

TEST(DocumentReader, JsonlDocumentsAndTheirErrors) {
  TempDir d;
  const std::string f = d.file("docs.jsonl",
                               "{\"id\": \"x\", \"text\": \"One.\", \"date\": \"2025-01-02\", "
                               "\"source\": \"wire\"}\n"
                               "\n"
                               "{\"text\": \"No id.\"}\n"
                               "{\"id\": \"y\", \"text\": \"Three.\"\n");
  Status error;
  const auto chunks = read_all({f}, {}, &error);
  EXPECT_EQ(ids(chunks), "x#0.0 " + f + ":3#1.0");
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].date, "2025-01-02");
  EXPECT_EQ(chunks[0].source, "wire");
  EXPECT_EQ(chunks[1].origin.line, 3u);
  EXPECT_EQ(error.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where().file, f);
  EXPECT_EQ(error.where().line, 4u);

  const std::string nul = d.file("nul.jsonl", "{\"text\": \"a\\u0000b\"}\n");
  error = Status();
  read_all({nul}, {}, &error);
  EXPECT_EQ(error.where().line, 1u);
  EXPECT_NE(error.message().find("binary data"), std::string::npos);
}

TEST(DocumentReader, ConlluSentencesByDocument) {
  std::string conllu;
  const auto sentence = [&](const std::string& comment, const std::string& form) {
    conllu += comment + "# text = " + form + "\n1\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  };
  sentence("# newdoc id = d1\n", "One");
  sentence("", "Two");
  sentence("# newdoc id = d2\n", "Three");
  sentence("", "Four");
  sentence("", "Five");
  TempDir d;
  const std::string f = d.file("gold.conllu", conllu);
  InputOptions options;
  options.chunk_bytes = 8;  // two one-word sentences of 4-6 bytes
  const auto chunks = read_all({f}, options);
  EXPECT_EQ(ids(chunks), "d1#0.0 d2#1.0 d2#1.1");
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].kind, ChunkKind::kSentences);
  EXPECT_EQ(chunks[0].document.sentences.size(), 2u);
  EXPECT_EQ(chunks[1].document.sentences.size(), 2u);
  EXPECT_EQ(chunks[2].document.sentences.size(), 1u);
  EXPECT_EQ(chunks[2].document.sentences[0].words[0].form, "Five");

  const std::string bad = d.file("bad.conllu", "1\tonly\tfour\tcolumns\n\n");
  Status error;
  read_all({bad}, {}, &error);
  EXPECT_EQ(error.where().file, bad);
  EXPECT_EQ(error.where().line, 1u);
}

TEST(DocumentReader, StreamAndSentencePerLine) {
  std::istringstream in("The court 's ban ended .\nHe left.\n");
  InputOptions options;
  options.sentence_per_line = true;
  options.chunk_bytes = 1;
  Result<DocumentReader> reader = DocumentReader::from_stream(in, "carb", options);
  ASSERT_TRUE(reader.ok());
  std::vector<std::string> raws;
  Chunk c;
  while (true) {
    Result<bool> got = reader->next(c);
    ASSERT_TRUE(got.ok());
    if (!*got) break;
    EXPECT_EQ(c.kind, ChunkKind::kLines);
    EXPECT_EQ(c.document_id, "carb");
    raws.push_back(c.raw);
  }
  EXPECT_EQ(raws, (std::vector<std::string>{"The court 's ban ended .\n", "He left.\n"}));
}

}  // namespace
}  // namespace textgraph
