#pragma once
// The CSV ledger's rows read without the loader's state, so a second thread can read them while
// the loader interns the rows before them (csv_block_reader.hpp). A row the parser accepts is
// one the loader's own row checks (csv_ledger.cpp) would accept, with the same fields; any other
// row is left unparsed, for those checks to read and report with its line and column. What only
// the ledger can tell (an address already on another chain, a repeated id) is checked by the
// loader when it adds the row.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/ledger.hpp"
#include "scenario/source_text.hpp"

namespace mt::scenario_detail {

inline constexpr std::string_view kCsvHeader = "id,chain,asset,time,fee,inputs,outputs";

// A transaction id: 1 to 128 letters, digits, '-', '_', '.' or ':'.
bool is_csv_id(std::string_view text);
// An address: 1 to 128 printable ASCII characters other than ';' and '='.
bool is_csv_address(std::string_view text);

// What the parser needs of the case, copied from it so the parser never reads the ledger the
// loader is filling.
struct CsvCaseFacts {
    struct ChainFacts {
        std::string id;
        bool utxo = true;
        AssetId native_asset = 0;
    };
    struct AssetFacts {
        std::string id;
        ChainId chain = 0;
        int decimals = 0;
    };
    std::vector<ChainFacts> chains;
    std::vector<AssetFacts> assets;
    std::optional<std::int64_t> start_unix;  // empty when the case's start was wrong

    static CsvCaseFacts of(const Ledger& ledger, std::optional<std::int64_t> start_unix);
};

// One leg of a parsed row: an address and its amount, or (a UTXO input) an earlier output.
struct CsvLeg {
    std::string_view text;  // the address, or the id of the transaction whose output is spent
    TextTable::Key key;     // of `text`, for the ledger's address table or the id table
    PackedUnits amount = 0;
    std::uint32_t vout = 0;
    bool spend = false;
};

struct CsvRow {
    enum class Kind : std::uint8_t {
        Header,    // the first line that is neither blank nor a comment
        Parsed,    // every field read and valid
        Unparsed,  // for the loader's row checks (a mistake, quotes, anything unusual)
    };
    Kind kind = Kind::Unparsed;
    int line = 0;           // 1-based, in the file
    std::string_view text;  // the line without its line end
    // Parsed rows only. Account rows have one input leg (the sender) and one output leg.
    std::string_view id;
    TextTable::Key id_key;
    ChainId chain = 0;
    AssetId asset = 0;
    bool utxo = true;
    SimSeconds time = 0;
    PackedUnits fee = 0;
    std::uint32_t first_leg = 0;  // in CsvBlock::legs: the inputs, then the outputs
    std::uint32_t input_count = 0;
    std::uint32_t output_count = 0;
    std::uint32_t inputs_offset = 0;  // byte offset of the inputs field in the line
};

// A block of whole lines of the ledger file (as LineBlocks reads them) and its rows.
struct CsvBlock {
    // Mapped arrays (model/large_array.hpp): given back to the system when the reading ends, so
    // the blocks do not add to the peak memory of the rest of the load.
    LargeVector<char> bytes;  // as read
    std::string_view text;    // bytes without a byte-order mark at the start of the file
    int lines_before = 0;     // lines of the file before this block
    // The block's first encoding problem; its rows are then not read at all.
    std::optional<TextProblem> problem;
    LargeVector<CsvRow> rows;  // lines that are neither blank nor comments, in order
    LargeVector<CsvLeg> legs;
    LargeVector<char> packed;  // the packed bytes the keys point to
    // The block's last line is blank or a comment (or every line is): the loader stops there
    // when it has reported too many problems, as it does before any line.
    bool ends_with_skipped_line = false;
};

// What the rows parsed so far will add to the loader's arrays.
struct CsvParsedCounts {
    std::uint64_t rows = 0;
    std::uint64_t inputs = 0;
    std::uint64_t outputs = 0;
};

// Splits `block.text` into rows and parses them (unless `parse_rows` is false: every row is then
// left to the loader's checks). `header_seen` carries over from block to block.
class CsvRowParser {
  public:
    CsvRowParser(CsvCaseFacts facts, bool parse_rows)
        : facts_(std::move(facts)), parse_rows_(parse_rows) {}
    // Checks the encoding of `block.bytes`, the next block of the file, then reads its rows.
    void parse(CsvBlock& block);
    const CsvParsedCounts& parsed() const { return parsed_; }

  private:
    bool parse_row(CsvBlock& block, CsvRow& row);
    bool parse_legs(CsvBlock& block, CsvRow& row, std::string_view inputs, std::string_view outputs,
                    int decimals);
    bool add_pair(CsvBlock& block, std::string_view item, int decimals);
    TextTable::Key key_of(CsvBlock& block, std::string_view text);

    CsvCaseFacts facts_;
    bool parse_rows_ = true;
    bool header_seen_ = false;
    int lines_ = 0;                // of the blocks parsed so far
    std::size_t packed_used_ = 0;  // bytes of the block's `packed` that keys point to
    CsvParsedCounts parsed_;
};

}  // namespace mt::scenario_detail
