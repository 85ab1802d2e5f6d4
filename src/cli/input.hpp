#pragma once
// The one place that opens a command's inputs: files by name, and "-" for the standard input
// the command was given (the process's, or a test's string stream).

#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace churn::cli {

class fd_istreambuf;

/// Each input in turn. Every named file is checked before the first is opened, so a typo
/// costs no partial output; no names at all means standard input.
class input_files {
  public:
    input_files(const std::vector<std::string>& names, std::istream& standard_input);
    input_files(const input_files&) = delete;
    input_files& operator=(const input_files&) = delete;
    ~input_files();

    /// Opens the next input and sets `name` to what messages call it: the path made printable
    /// (one line of UTF-8, see churn::printable), `<stdin>` for "-"; nullptr after the last.
    /// A failed read throws churn::error `name: reason`.
    std::istream* next(std::string& name);
    /// True when every input is a regular file, so that the inputs can be read again (a new
    /// input_files of the same names); standard input and pipes cannot.
    bool rereadable() const;

  private:
    void close();

    std::vector<std::string> names_;
    std::istream& stdin_;
    std::size_t index_ = 0;
    int owned_ = -1;
    std::unique_ptr<fd_istreambuf> buf_;
    std::unique_ptr<std::istream> stream_;
};

}  // namespace churn::cli
