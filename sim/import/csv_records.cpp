#include "import/csv_records.hpp"

#include "import/import_error.hpp"

namespace mt::import {

std::vector<CsvRecord> read_csv_records(const std::string& file, std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    int line = 1;
    int quote_line = 0;
    bool quoted = false;
    bool any = false;  // the record has a character or separator
    auto end_record = [&] {
        if (any) {
            record.fields.push_back(std::move(field));
            records.push_back(std::move(record));
        }
        record = CsvRecord{};
        record.line = line + 1;
        field.clear();
        any = false;
    };
    record.line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            quote_line = line;
            any = true;
        } else if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n') {
            end_record();
            ++line;
        } else if (c != '\r') {
            field += c;
            any = true;
        }
    }
    if (quoted) {
        Message m = file_error("import.error.csv_quote", file, std::to_string(quote_line));
        throw ImportFailure(m);
    }
    end_record();
    return records;
}

}  // namespace mt::import
