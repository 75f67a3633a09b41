// Ledger images: what is written is read back, and a file that is not exactly an image of this
// kind, made for this key, is refused with a reason instead of being trusted.
#include <xxhash.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "model/ledger_image.hpp"

using namespace mt;

namespace {

constexpr LedgerImageKey kKey{0x1234, 0x5678};

Ledger chains_only() {
    Ledger ledger;
    const ChainId btc = ledger.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
    ledger.add_asset({"btc", "BTC", btc, 8, ""});
    return ledger;
}

Ledger peel_ledger() {
    Ledger ledger = chains_only();
    const std::string hash(64, 'a');
    const AddressId victim = ledger.intern_address("bc1qx2sty3ektvdnn68qt9cx35qamr5293lra0f8hq", 0);
    const AddressId thief = ledger.intern_address("bc1qthief", 0);
    const AddressId change = ledger.intern_address("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", 0);
    const TxIndex pay = ledger.add_transaction(
        {hash, 0, 0, 100, 1'000, {{victim, 500'000, {}}}, {{thief, 499'000}}});
    ledger.add_transaction({"tx-peel",
                            0,
                            0,
                            200,
                            1'000,
                            {{thief, 499'000, {pay, 0}}},
                            {{victim, 100'000}, {change, 398'000}}});
    ledger.finalize();
    return ledger;
}

std::string bytes_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Where each array's elements start in an image, in the order they are written.
std::vector<std::size_t> array_offsets(const std::string& image) {
    const std::size_t element_bytes[] = {1,
                                         4,
                                         8,
                                         1,
                                         4,
                                         8,
                                         sizeof(ChainId),
                                         sizeof(TxRecord),
                                         sizeof(TxInput),
                                         sizeof(TxOutput),
                                         sizeof(TxIndex)};
    std::vector<std::size_t> offsets;
    std::size_t at = LedgerImage::kHeaderBytes;
    for (const std::size_t size : element_bytes) {
        std::uint64_t count = 0;
        std::memcpy(&count, image.data() + at, sizeof count);
        offsets.push_back(at + sizeof count);
        at += sizeof count + count * size;
    }
    REQUIRE(at == image.size());
    return offsets;
}

// Gives a changed image a correct checksum again, so only the structural checks can catch it.
void reseal(std::string& image) {
    const std::uint64_t sum = XXH3_64bits(image.data() + LedgerImage::kHeaderBytes,
                                          image.size() - LedgerImage::kHeaderBytes);
    std::memcpy(image.data() + LedgerImage::kHeaderBytes - sizeof sum, &sum, sizeof sum);
}

struct TempFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("mt-ledger-image-" + std::to_string(::getpid()) + ".ledger");
    ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("A ledger image reads back as the ledger that was written", "[ledger][image]") {
    const Ledger original = peel_ledger();
    TempFile file;
    REQUIRE(LedgerImage::write(original, file.path, kKey).empty());
    Ledger copy = chains_only();
    REQUIRE(LedgerImage::read(copy, file.path, kKey).empty());
    REQUIRE(copy.transaction_count() == 2);
    CHECK(copy.transaction(0).id == std::string(64, 'a'));
    CHECK(copy.transaction(1).id == "tx-peel");
    CHECK(copy.find_transaction("tx-peel") == 1);
    CHECK(copy.address_text(2) == "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    CHECK(copy.find_address("bc1qthief") == 1);
    CHECK(copy.spender({0, 0}) == 1);  // indexes rebuilt
    CHECK(copy.transactions_of(0).size() == 2);
    CHECK(copy.balance(0, 0, 300) == 100'000);
    CHECK(copy.outputs(1)[1].amount == 398'000);
}

TEST_CASE("A ledger image that is not exactly what was written is refused with a reason",
          "[ledger][image]") {
    TempFile file;
    REQUIRE(LedgerImage::write(peel_ledger(), file.path, kKey).empty());
    std::string image = bytes_of(file.path);
    const std::vector<std::size_t> at = array_offsets(image);
    std::string expected;

    SECTION("another key") {
        Ledger ledger = chains_only();
        CHECK(LedgerImage::read(ledger, file.path, LedgerImageKey{1, 2}) ==
              "made from other files");
        CHECK(ledger.transaction_count() == 0);
        return;
    }
    SECTION("a changed amount") {
        image[at[9] + 4] ^= 1;  // the first output's amount, checksum left as it was
        expected = "damaged: checksum mismatch";
    }
    SECTION("an output to an address that does not exist") {
        const AddressId missing = 77;
        std::memcpy(image.data() + at[9], &missing, sizeof missing);
        reseal(image);
        expected = "damaged: an output to an unknown address";
    }
    SECTION("an input spending a later transaction") {
        // The second transaction's input (the only one with a previous output) spends itself.
        const TxIndex itself = 1;
        std::memcpy(image.data() + at[8] + sizeof(TxInput) + offsetof(TxInput, prev), &itself,
                    sizeof itself);
        reseal(image);
        expected = "damaged: an input spending an output that is not earlier";
    }
    SECTION("a transaction whose legs run past the arrays") {
        const std::uint32_t count = 1000;
        std::memcpy(image.data() + at[7] + offsetof(TxRecord, output_count), &count, sizeof count);
        reseal(image);
        expected = "damaged: a transaction's legs outside the leg arrays";
    }
    SECTION("a packed address longer than any bech32") {
        image[at[0]] = 100;  // the first address's prefix length
        reseal(image);
        expected = "damaged addresses: a packed address of impossible length";
    }
    SECTION("an index slot naming no entry") {
        std::uint64_t slot = 0;
        std::size_t i = at[5];
        for (;; i += sizeof slot) {  // the first used slot of the id index
            std::memcpy(&slot, image.data() + i, sizeof slot);
            if (slot != 0) break;
        }
        slot |= 0xFFFF;
        std::memcpy(image.data() + i, &slot, sizeof slot);
        reseal(image);
        expected = "damaged transaction ids: an index slot naming no entry";
    }
    SECTION("cut short") {
        image.resize(image.size() - 3);
        expected = "truncated";
    }
    write(file.path, image);
    Ledger ledger = chains_only();
    CHECK(LedgerImage::read(ledger, file.path, kKey) == expected);
    CHECK(ledger.transaction_count() == 0);  // unchanged
}

TEST_CASE("A ledger image needs the chains and assets it was written with", "[ledger][image]") {
    TempFile file;
    REQUIRE(LedgerImage::write(peel_ledger(), file.path, kKey).empty());
    Ledger no_chains;
    CHECK(LedgerImage::read(no_chains, file.path, kKey) ==
          "damaged: an address on an unknown chain");
}
