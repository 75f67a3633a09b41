#pragma once
// Shared helpers of the import tests: the fixture exports in tests/import/data (written by the
// project in the exact published field layouts), running an import, and loading its result.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "import/importer.hpp"
#include "model/world.hpp"

namespace mt::import_testing {

std::filesystem::path data(const std::string& name);
// Every file of the Bitcoin peel chain: the two address pages and the five outspends.
std::vector<std::filesystem::path> peel_chain_exports();
// The peel chain's funding address (the seed) and its five transaction ids, in order.
extern const std::string kRansomAddress;
extern const std::vector<std::string> kPeelIds;
extern const std::string kBridgeRelease;  // the Ethereum address the bridge releases from

// The English text of a failed import's message.
std::string error_text(const import::ImportResult& result);
// Loads the case an import wrote; REQUIREs that it loads without a diagnostic.
std::shared_ptr<const Scenario> load_written(const import::ImportResult& result);

}  // namespace mt::import_testing
