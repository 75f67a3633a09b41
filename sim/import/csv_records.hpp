#pragma once
// RFC 4180 records with the line each starts on (a quoted field may span lines), for exports
// whose errors must name the line.
#include <string>
#include <string_view>
#include <vector>

namespace mt::import {

struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

// Splits `text` (a UTF-8 byte-order mark is skipped) into records, leaving out blank lines.
// An unterminated quote throws `import.error.csv_quote` naming `file` and the line it opened on.
std::vector<CsvRecord> read_csv_records(const std::string& file, std::string_view text);

}  // namespace mt::import
