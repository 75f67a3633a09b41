#pragma once
// Casefiles for view tests, built by hand: a small peel chain into an exchange with every panel
// populated, and a large synthetic graph.
#include "model/casefile.hpp"

namespace mt::test {

// Victim -> suspect -> hop1 -> hop2 -> exchange deposit, with peels to mules; one attributed
// exchange service, an open choice checkpoint, an address checkpoint, a pending and a fulfilled
// request, an analysis report and a timeline.
Casefile sample_casefile();

// The same case after submission, with a score and the expert path.
Casefile submitted_casefile();

// A layered synthetic graph: `columns` hops of `width` addresses each, each paying two of the next.
Casefile large_casefile(int columns, int width);

inline constexpr const char* kVictim = "bc1qvictim0000000000000000000000000000aaaa";
inline constexpr const char* kSuspect = "bc1qsuspect000000000000000000000000000bbbb";
inline constexpr const char* kHop1 = "bc1qhop100000000000000000000000000000cccc";
inline constexpr const char* kHop2 = "bc1qhop200000000000000000000000000000dddd";
inline constexpr const char* kMule = "bc1qmule000000000000000000000000000000eeee";
inline constexpr const char* kDeposit = "bc1qdeposit00000000000000000000000000ffff";
inline constexpr const char* kRansomTx = "tx-ransom-0001";
inline constexpr const char* kExchange = "coinbay";

}  // namespace mt::test
