#include "import/address_codec.hpp"

#include <cstring>

#include "model/base58.hpp"
#include "model/bech32.hpp"

namespace mt::import {
namespace {

constexpr std::string_view kBase58 = base58::kAlphabet;
using bech32::kBech32Constant;
using bech32::kBech32mConstant;

constexpr std::array<std::uint32_t, 64> kSha256Rounds{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

std::uint32_t rotr(std::uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

void sha256_block(std::array<std::uint32_t, 8>& h, const std::uint8_t* block) {
    std::array<std::uint32_t, 64> w{};
    for (int i = 0; i < 16; ++i)
        w[i] = (std::uint32_t{block[4 * i]} << 24) | (std::uint32_t{block[4 * i + 1]} << 16) |
               (std::uint32_t{block[4 * i + 2]} << 8) | block[4 * i + 3];
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::array<std::uint32_t, 8> v = h;
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
        const std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        const std::uint32_t t1 = v[7] + s1 + ch + kSha256Rounds[i] + w[i];
        const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
        const std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        const std::uint32_t t2 = s0 + maj;
        v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
    }
    for (int i = 0; i < 8; ++i) h[i] += v[i];
}

std::array<std::uint8_t, 4> checksum(const std::vector<std::uint8_t>& bytes) {
    const auto once = sha256(bytes.data(), bytes.size());
    const auto twice = sha256(once.data(), once.size());
    return {twice[0], twice[1], twice[2], twice[3]};
}

// The checksum of `data` (5-bit values) under `hrp`, `padding` zero values appended.
std::uint32_t polymod(std::string_view hrp, const std::vector<std::uint8_t>& data, int padding) {
    bech32::Checksum checksum(hrp);
    for (std::uint8_t v : data) checksum.add(v);
    for (int i = 0; i < padding; ++i) checksum.add(0);
    return checksum.value();
}

// Regroups bits (8 -> 5 with padding, or 5 -> 8 refusing non-zero padding).
std::optional<std::vector<std::uint8_t>> regroup(const std::vector<std::uint8_t>& in, int from,
                                                 int to, bool pad) {
    std::vector<std::uint8_t> out;
    std::uint32_t accumulator = 0;
    int bits = 0;
    const std::uint32_t mask = (1u << to) - 1;
    for (std::uint8_t v : in) {
        accumulator = (accumulator << from) | v;
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.push_back(static_cast<std::uint8_t>((accumulator >> bits) & mask));
        }
    }
    if (pad) {
        if (bits > 0) out.push_back(static_cast<std::uint8_t>((accumulator << (to - bits)) & mask));
    } else if (bits >= from || ((accumulator << (to - bits)) & mask) != 0) {
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::array<std::uint8_t, 32> sha256(const std::uint8_t* data, std::size_t size) {
    std::array<std::uint32_t, 8> h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::size_t done = 0;
    for (; done + 64 <= size; done += 64) sha256_block(h, data + done);
    std::array<std::uint8_t, 128> tail{};
    const std::size_t rest = size - done;
    if (rest > 0) std::memcpy(tail.data(), data + done, rest);
    tail[rest] = 0x80;
    const std::size_t tail_size = rest + 9 <= 64 ? 64 : 128;
    const std::uint64_t bit_length = std::uint64_t{8} * size;
    for (int i = 0; i < 8; ++i)
        tail[tail_size - 1 - static_cast<std::size_t>(i)] =
            static_cast<std::uint8_t>(bit_length >> (8 * i));
    sha256_block(h, tail.data());
    if (tail_size == 128) sha256_block(h, tail.data() + 64);
    std::array<std::uint8_t, 32> out{};
    for (std::size_t i = 0; i < 8; ++i)
        for (std::size_t b = 0; b < 4; ++b)
            out[4 * i + b] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * b));
    return out;
}

std::string base58check_encode(std::uint8_t version, const std::vector<std::uint8_t>& payload) {
    std::vector<std::uint8_t> bytes{version};
    bytes.insert(bytes.end(), payload.begin(), payload.end());
    const auto check = checksum(bytes);
    bytes.insert(bytes.end(), check.begin(), check.end());
    if (bytes.size() > base58::kMostBytes) return {};  // no address is this long
    std::string out;
    base58::append(out, bytes);
    return out;
}

std::optional<Base58Check> base58check_decode(std::string_view text) {
    if (text.empty() || text.size() > 128) return std::nullopt;
    std::vector<std::uint8_t> bytes;  // big-endian, grown as digits arrive
    std::size_t zeros = 0;
    while (zeros < text.size() && text[zeros] == '1') ++zeros;
    for (char c : text) {
        const auto digit = kBase58.find(c);
        if (digit == std::string_view::npos) return std::nullopt;
        std::uint32_t carry = static_cast<std::uint32_t>(digit);
        for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
            carry += std::uint32_t{*it} * 58;
            *it = static_cast<std::uint8_t>(carry & 0xff);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.insert(bytes.begin(), static_cast<std::uint8_t>(carry & 0xff));
            carry >>= 8;
        }
    }
    bytes.insert(bytes.begin(), zeros, 0);
    if (bytes.size() < 5) return std::nullopt;
    const std::vector<std::uint8_t> body(bytes.begin(), bytes.end() - 4);
    const auto check = checksum(body);
    if (!std::equal(check.begin(), check.end(), bytes.end() - 4)) return std::nullopt;
    return Base58Check{body[0], std::vector<std::uint8_t>(body.begin() + 1, body.end())};
}

std::string segwit_encode(const SegwitAddress& address) {
    std::vector<std::uint8_t> data{static_cast<std::uint8_t>(address.version)};
    const auto program = regroup(address.program, 8, 5, true);
    data.insert(data.end(), program->begin(), program->end());
    const std::uint32_t mod =
        polymod(address.hrp, data, 6) ^ (address.version == 0 ? kBech32Constant : kBech32mConstant);
    for (int i = 0; i < 6; ++i)
        data.push_back(static_cast<std::uint8_t>((mod >> (5 * (5 - i))) & 31));
    std::string out = address.hrp + "1";
    for (std::uint8_t v : data) out += bech32::kAlphabet[v];
    return out;
}

std::optional<SegwitAddress> segwit_decode(std::string_view text) {
    const auto separator = text.rfind('1');
    if (separator == std::string_view::npos || separator == 0 || separator + 7 > text.size() ||
        text.size() > 90)
        return std::nullopt;
    SegwitAddress out;
    out.hrp = std::string(text.substr(0, separator));
    for (char c : out.hrp)
        if (c < 'a' || c > 'z') return std::nullopt;
    std::vector<std::uint8_t> data;
    for (char c : text.substr(separator + 1)) {
        const auto v = bech32::kAlphabet.find(c);
        if (v == std::string_view::npos) return std::nullopt;
        data.push_back(static_cast<std::uint8_t>(v));
    }
    const std::uint32_t mod = polymod(out.hrp, data, 0);
    out.version = data[0];
    if (out.version > 16 || mod != (out.version == 0 ? kBech32Constant : kBech32mConstant))
        return std::nullopt;
    const std::vector<std::uint8_t> five(data.begin() + 1, data.end() - 6);
    auto program = regroup(five, 5, 8, false);
    if (!program || program->size() < 2 || program->size() > 40) return std::nullopt;
    out.program = std::move(*program);
    return out;
}

}  // namespace mt::import
