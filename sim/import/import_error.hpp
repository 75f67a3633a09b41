#pragma once
// What is wrong with an export, as a catalogue message naming the file and the line or JSON path
// (`import.error.*` in assets/i18n). Readers throw it; import_case() turns it into its result, so
// a bad export never leaves a half-written case behind.
#include <exception>
#include <string>
#include <utility>

#include "model/message.hpp"

namespace mt::import {

class ImportFailure : public std::exception {
  public:
    explicit ImportFailure(Message message) : message_(std::move(message)) {}
    const Message& message() const { return message_; }
    const char* what() const noexcept override { return message_.key.c_str(); }

  private:
    Message message_;
};

// A message about `file` at `where` (a JSON path such as "$[2].vin[0].txid", or a line number).
inline Message file_error(std::string key, const std::string& file, const std::string& where) {
    Message m(std::move(key));
    m.arg("file", file).arg("where", where);
    return m;
}

}  // namespace mt::import
