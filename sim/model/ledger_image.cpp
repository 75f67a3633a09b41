#include "model/ledger_image.hpp"

#include <unistd.h>
#include <xxhash.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>
#include <type_traits>

#include "model/narrow.hpp"
#include "model/regular_file.hpp"

namespace mt {
namespace {

// Bump when the layout of any stored array or the meaning of its contents changes: an image of
// another version is never read. Version 2: the text tables' index slots are placed by the XXH3
// hash of each entry's stored bytes.
constexpr std::uint32_t kFormatVersion = 2;
constexpr std::array<char, 8> kMagic{'M', 'T', 'L', 'E', 'D', 'G', 'E', 'R'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

struct Header {
    std::array<char, 8> magic = kMagic;
    std::uint32_t version = kFormatVersion;
    std::uint32_t byte_order = kByteOrderMark;
    std::uint64_t key_low = 0;
    std::uint64_t key_high = 0;
    std::uint32_t record_bytes = sizeof(TxRecord);
    std::uint32_t input_bytes = sizeof(TxInput);
    std::uint32_t output_bytes = sizeof(TxOutput);
    std::uint32_t address_index_bits = 0;
    std::uint32_t id_index_bits = 0;
    std::uint32_t reserved = 0;
    std::uint64_t payload_bytes = 0;
    std::uint64_t payload_checksum = 0;  // XXH3 64 of everything after the header
};
static_assert(std::is_trivially_copyable_v<Header>);
static_assert(sizeof(Header) == LedgerImage::kHeaderBytes);

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

struct HashState {
    HashState() : state(XXH3_createState()) {
        if (!state) throw std::bad_alloc();
        XXH3_64bits_reset(state);
    }
    ~HashState() { XXH3_freeState(state); }
    HashState(const HashState&) = delete;
    HashState& operator=(const HashState&) = delete;
    void add(const void* data, std::size_t bytes) { XXH3_64bits_update(state, data, bytes); }
    std::uint64_t digest() const { return XXH3_64bits_digest(state); }
    XXH3_state_t* state;
};

// The arrays of an image, in order: each is its element count (8 bytes) and its elements.
class SectionWriter {
  public:
    explicit SectionWriter(std::FILE* file) : file_(file) {}
    template <typename Vector>
    void add(const Vector& values) {
        const std::uint64_t count = values.size();
        put(&count, sizeof count);
        put(values.data(), values.size() * sizeof(typename Vector::value_type));
    }
    bool ok() const { return ok_; }
    std::uint64_t bytes() const { return bytes_; }
    std::uint64_t checksum() const { return hash_.digest(); }

  private:
    void put(const void* data, std::size_t size) {
        if (size == 0) return;
        ok_ = ok_ && std::fwrite(data, 1, size, file_) == size;
        hash_.add(data, size);
        bytes_ += size;
    }
    std::FILE* file_;
    HashState hash_;
    std::uint64_t bytes_ = 0;
    bool ok_ = true;
};

class SectionReader {
  public:
    SectionReader(std::FILE* file, std::uint64_t payload_bytes)
        : file_(file), left_(payload_bytes) {}
    // Reads the next array into `values`; false when the file ends early or the count cannot fit.
    template <typename Vector>
    bool read(Vector& values) {
        std::uint64_t count = 0;
        if (!get(&count, sizeof count)) return false;
        using T = typename Vector::value_type;
        if (count > left_ / sizeof(T)) return false;  // more than the file holds
        values.resize(narrow<std::size_t>(count));
        return get(values.data(), values.size() * sizeof(T));
    }
    bool at_end() const { return left_ == 0; }
    std::uint64_t checksum() const { return hash_.digest(); }

  private:
    bool get(void* data, std::size_t size) {
        if (size == 0) return true;
        if (size > left_ || std::fread(data, 1, size, file_) != size) return false;
        hash_.add(data, size);
        left_ -= size;
        return true;
    }
    std::FILE* file_;
    std::uint64_t left_;
    HashState hash_;
};

}  // namespace

std::string LedgerImage::write(const Ledger& ledger, const std::filesystem::path& path,
                               const LedgerImageKey& key) {
    std::filesystem::path temporary = path;
    // Named for this process: two loads of one case at once each write their own, and the last
    // rename wins with a whole image.
    temporary += '.' + std::to_string(getpid()) + ".partial";
    RegularFile opened = RegularFile::open_for_writing(temporary);
    File file(opened.to_stdio("wb").release());
    if (!file) return "cannot create " + temporary.string();
    Header header;
    header.key_low = key.low;
    header.key_high = key.high;
    header.address_index_bits = static_cast<std::uint32_t>(ledger.addresses_.bits_);
    header.id_index_bits = static_cast<std::uint32_t>(ledger.transaction_ids_.bits_);
    bool ok = std::fwrite(&header, sizeof header, 1, file.get()) == 1;
    SectionWriter out(file.get());
    for (const TextTable* table : {&ledger.addresses_, &ledger.transaction_ids_}) {
        out.add(table->arena_);
        out.add(table->begin_);
        out.add(table->slots_);
    }
    out.add(ledger.address_chain_);
    out.add(ledger.transactions_);
    out.add(ledger.inputs_);
    out.add(ledger.outputs_);
    out.add(ledger.tx_of_id_);
    header.payload_bytes = out.bytes();
    header.payload_checksum = out.checksum();
    ok = ok && out.ok() && std::fseek(file.get(), 0, SEEK_SET) == 0 &&
         std::fwrite(&header, sizeof header, 1, file.get()) == 1;
    ok = std::fclose(file.release()) == 0 && ok;
    std::error_code error;
    if (ok) std::filesystem::rename(temporary, path, error);
    if (!ok || error) {
        std::filesystem::remove(temporary, error);
        return "cannot write " + path.string();
    }
    return {};
}

std::string LedgerImage::read(Ledger& ledger, const std::filesystem::path& path,
                              const LedgerImageKey& key) {
    // Not a plain fopen: a named pipe or device put in the cache folder must not block the load.
    RegularFile opened = RegularFile::open_for_reading(path);
    File file(opened.to_stdio("rb").release());
    if (!file) return "cannot read " + path.string();
    Header header;
    Header expected;
    if (std::fread(&header, sizeof header, 1, file.get()) != 1) return "shorter than its header";
    if (header.magic != kMagic) return "not a ledger image";
    if (header.version != expected.version || header.byte_order != expected.byte_order ||
        header.record_bytes != expected.record_bytes ||
        header.input_bytes != expected.input_bytes || header.output_bytes != expected.output_bytes)
        return "written by another version of moneytrail";
    if (header.key_low != key.low || header.key_high != key.high) return "made from other files";
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error || size != sizeof header + header.payload_bytes) return "truncated";
    if (header.address_index_bits > 31 || header.id_index_bits > 31) return "damaged index";

    // Read into a scratch ledger that keeps this one's chains and assets; it replaces this one
    // only when every check passed.
    Ledger image;
    image.chains_ = ledger.chains_;
    image.assets_ = ledger.assets_;
    image.addresses_.bits_ = static_cast<int>(header.address_index_bits);
    image.transaction_ids_.bits_ = static_cast<int>(header.id_index_bits);
    SectionReader in(file.get(), header.payload_bytes);
    bool ok = true;
    for (TextTable* table : {&image.addresses_, &image.transaction_ids_})
        ok = ok && in.read(table->arena_) && in.read(table->begin_) && in.read(table->slots_);
    ok = ok && in.read(image.address_chain_) && in.read(image.transactions_) &&
         in.read(image.inputs_) && in.read(image.outputs_) && in.read(image.tx_of_id_);
    if (!ok || !in.at_end()) return "damaged: its arrays do not fill the file";
    if (in.checksum() != header.payload_checksum) return "damaged: checksum mismatch";
    if (std::string why = image.addresses_.check_structure(); !why.empty())
        return "damaged addresses: " + why;
    if (std::string why = image.transaction_ids_.check_structure(); !why.empty())
        return "damaged transaction ids: " + why;
    if (std::string why = check(image); !why.empty()) return "damaged: " + why;
    image.finalize();
    ledger = std::move(image);
    return {};
}

std::string LedgerImage::check(const Ledger& ledger) {
    const std::size_t addresses = ledger.addresses_.size();
    const std::size_t txs = ledger.transactions_.size();
    if (ledger.address_chain_.size() != addresses) return "address chains do not match addresses";
    for (const ChainId chain : ledger.address_chain_)
        if (chain >= ledger.chains_.size()) return "an address on an unknown chain";
    for (const TxOutput& out : ledger.outputs_)
        if (out.address >= addresses) return "an output to an unknown address";
    const bool ids_in_order = ledger.tx_of_id_.empty();
    if (ids_in_order ? ledger.transaction_ids_.size() != txs
                     : ledger.tx_of_id_.size() != ledger.transaction_ids_.size())
        return "transaction ids do not match transactions";
    for (const TxIndex t : ledger.tx_of_id_)
        if (t != kNoTx && t >= txs) return "an id of an unknown transaction";
    for (TxIndex t = 0; t < txs; ++t) {
        const TxRecord& tx = ledger.transactions_[t];
        if (tx.chain >= ledger.chains_.size() || tx.asset >= ledger.assets_.size())
            return "a transaction on an unknown chain or asset";
        if (t > 0 && tx.time < ledger.transactions_[t - 1].time)
            return "transactions out of time order";
        if (tx.id_entry >= ledger.transaction_ids_.size() || (ids_in_order && tx.id_entry != t) ||
            (!ids_in_order && ledger.tx_of_id_[tx.id_entry] != t))
            return "a transaction without its id";
        if (std::uint64_t{tx.first_input} + tx.input_count > ledger.inputs_.size() ||
            std::uint64_t{tx.first_output} + tx.output_count > ledger.outputs_.size())
            return "a transaction's legs outside the leg arrays";
        if (ledger.chains_[tx.chain].model == ChainModel::Account &&
            (tx.input_count != 1 || tx.output_count != 1))
            return "an account transfer without exactly one sender and one receiver";
        for (std::uint32_t i = 0; i < tx.input_count; ++i) {
            const TxInput& in = ledger.inputs_[tx.first_input + i];
            if (in.address >= addresses) return "an input from an unknown address";
            if (in.prev.tx != kNoTx &&
                (in.prev.tx >= t || in.prev.vout >= ledger.transactions_[in.prev.tx].output_count))
                return "an input spending an output that is not earlier";
        }
    }
    return {};
}

}  // namespace mt
