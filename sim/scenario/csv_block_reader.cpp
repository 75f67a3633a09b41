#include "scenario/csv_block_reader.hpp"

#include <algorithm>
#include <atomic>

#include "model/large_array.hpp"

namespace mt::scenario_detail {
namespace {

std::atomic<CsvRowReading> g_row_reading{CsvRowReading::SecondThread};

// The bytes of one block. Small enough that the two blocks in flight, with the rows, legs and
// keys parsed from them, stay in the caches between the reading thread that writes them and
// the loader that reads them (with 4 MiB blocks, about 26 MB, they did not: the 1M load took
// 7 % more CPU; 256 KiB blocks measured the same as 512 KiB).
constexpr std::size_t kBlockBytes = std::size_t{512} << 10;

}  // namespace

void set_csv_row_reading(CsvRowReading way) {
    g_row_reading.store(way);
}

CsvRowReading csv_row_reading() {
    return g_row_reading.load();
}

CsvBlockReader::CsvBlockReader(const std::filesystem::path& path, std::size_t limit,
                               CsvCaseFacts facts, CsvRowReading way,
                               std::function<void(std::string_view)> also_read)
    : lines_(path, limit, kBlockBytes),
      parser_(std::move(facts), way != CsvRowReading::Checked),
      also_read_(std::move(also_read)),
      second_thread_(way == CsvRowReading::SecondThread) {
    for (CsvBlock& block : blocks_) free_.push_back(&block);
    if (second_thread_) thread_ = std::thread([this] { read_ahead(); });
}

CsvBlockReader::~CsvBlockReader() {
    if (!thread_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

bool CsvBlockReader::fill(CsvBlock& block) {
    const std::optional<std::string_view> bytes = lines_.next();
    if (!bytes) return false;
    if (also_read_) also_read_(*bytes);
    block.bytes.assign(bytes->begin(), bytes->end());
    parser_.parse(block);
    return true;
}

void CsvBlockReader::read_ahead() {
    while (true) {
        CsvBlock* block = nullptr;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || !free_.empty(); });
            if (stop_) return;
            block = free_.front();
            free_.pop_front();
        }
        bool filled = false;
        std::exception_ptr failure;
        try {
            filled = fill(*block);
            if (filled) prefault_parsed();
        } catch (...) {
            failure = std::current_exception();
        }
        // Past an encoding problem the loader reads nothing more.
        const bool last = !filled || block->problem.has_value();
        {
            const std::lock_guard lock(mutex_);
            failure_ = failure;
            finished_ = last;
            if (filled)
                ready_.push_back(block);
            else
                free_.push_back(block);
        }
        changed_.notify_all();
        if (last) return;
    }
}

void CsvBlockReader::prefault(std::vector<RowMemory> memory) {
    if (!second_thread_) return;  // only useful when another thread waits for the faults
    const std::lock_guard lock(mutex_);
    row_memory_ = std::move(memory);
}

void CsvBlockReader::prefault_parsed() {
    {
        const std::lock_guard lock(mutex_);
        if (!row_memory_.empty()) {
            prefaulting_ = std::move(row_memory_);
            row_memory_.clear();
            prefaulted_.assign(prefaulting_.size(), 0);
        }
    }
    const CsvParsedCounts& parsed = parser_.parsed();
    for (std::size_t i = 0; i < prefaulting_.size(); ++i) {
        const RowMemory& m = prefaulting_[i];
        const std::uint64_t records = m.per == RowMemory::Per::Row     ? parsed.rows
                                      : m.per == RowMemory::Per::Input ? parsed.inputs
                                                                       : parsed.outputs;
        const std::size_t wanted =
            std::min<std::size_t>(m.bytes, static_cast<std::size_t>(records) * m.record_bytes);
        if (wanted <= prefaulted_[i]) continue;
        large_array::prefault(static_cast<const char*>(m.begin) + prefaulted_[i],
                              wanted - prefaulted_[i]);
        prefaulted_[i] = wanted;
    }
}

const CsvBlock* CsvBlockReader::next() {
    if (!second_thread_) {
        CsvBlock& block = blocks_[0];
        return fill(block) ? &block : nullptr;
    }
    std::unique_lock lock(mutex_);
    if (handed_out_) {
        free_.push_back(handed_out_);
        handed_out_ = nullptr;
        changed_.notify_all();
    }
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (!ready_.empty()) {
        handed_out_ = ready_.front();
        ready_.pop_front();
        return handed_out_;
    }
    if (failure_) std::rethrow_exception(failure_);
    return nullptr;
}

}  // namespace mt::scenario_detail
