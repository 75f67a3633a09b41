#pragma once
// Reads the CSV ledger file block by block and parses its rows (csv_row_parser.hpp) on a second
// thread, while the loader adds the rows of the blocks before to the ledger. Blocks are handed
// over whole and in file order, and the loader alone interns ids and addresses, so the ledger
// is the same whatever the threads' timing.
#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "scenario/csv_row_parser.hpp"
#include "scenario/source_text.hpp"

namespace mt::scenario_detail {

// How the rows of a CSV ledger file are read. Tests compare the three ways: each must build the
// same ledger and report the same problems.
enum class CsvRowReading : std::uint8_t {
    SecondThread,  // blocks read and rows parsed on a second thread (what the loader does)
    SameThread,    // the same, on the loader's own thread
    Checked,       // every row read by the loader's row checks alone, none parsed ahead
};
// The way loads read rows from now on, for the whole process (tests set it; loads read it).
void set_csv_row_reading(CsvRowReading way);
CsvRowReading csv_row_reading();

class CsvBlockReader {
  public:
    // `also_read`, when set, is called (on the reading thread) with each block's bytes, in order.
    CsvBlockReader(const std::filesystem::path& path, std::size_t limit, CsvCaseFacts facts,
                   CsvRowReading way, std::function<void(std::string_view)> also_read = {});
    ~CsvBlockReader();
    CsvBlockReader(const CsvBlockReader&) = delete;
    CsvBlockReader& operator=(const CsvBlockReader&) = delete;

    // The next block in file order, or nullptr at the end of the file or after a read error
    // (then error() says why). Valid until the next call. Rethrows what stopped the parser.
    const CsvBlock* next();
    // Memory the loader will write as it adds parsed rows, one record per row, input or output:
    // the reading thread has its pages backed (large_array::prefault) as it parses the rows that
    // will fill them, so the loader does not wait for the kernel to zero fresh pages.
    struct RowMemory {
        enum class Per : std::uint8_t { Row, Input, Output };
        const void* begin = nullptr;
        std::size_t bytes = 0;  // room reserved there
        std::size_t record_bytes = 0;
        Per per = Per::Row;
    };
    void prefault(std::vector<RowMemory> memory);

    // Why the file cannot be read; valid once next() returned nullptr.
    const Message& error() const { return lines_.error(); }
    std::uintmax_t file_size() const { return lines_.file_size(); }

  private:
    // Reads and parses the file's next block into `block`; false at the end or on an error.
    bool fill(CsvBlock& block);
    void read_ahead();  // the second thread
    void prefault_parsed();

    LineBlocks lines_;
    CsvRowParser parser_;
    std::function<void(std::string_view)> also_read_;
    bool second_thread_ = true;

    // One block the loader holds, one being parsed.
    std::array<CsvBlock, 2> blocks_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<CsvBlock*> free_;
    std::deque<CsvBlock*> ready_;
    CsvBlock* handed_out_ = nullptr;
    bool finished_ = false;  // no more blocks will be ready
    bool stop_ = false;      // the loader needs no more blocks
    std::exception_ptr failure_;
    std::vector<RowMemory> row_memory_;    // given by the loader, under mutex_
    std::vector<RowMemory> prefaulting_;   // the reading thread's copy
    std::vector<std::size_t> prefaulted_;  // bytes of each done so far
    std::thread thread_;
};

}  // namespace mt::scenario_detail
