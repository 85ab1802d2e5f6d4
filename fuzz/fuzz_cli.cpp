// libFuzzer target: the whole command line, in process. The input is split at newlines into
// argv (the first byte sets the terminal: tty, NO_COLOR, TERM=dumb); churn::cli::run writes to
// string streams. Asserted for every input:
//   - run returns, never throws, and its status is 0, 1 or 2;
//   - status 2 (an error) puts a line on stderr; for a single calculation it leaves stdout
//     empty and is exactly one line (batch streams rows before a bad one, and with
//     --skip-invalid reports every bad row);
//   - every line on stderr starts with "churn: ";
//   - status 0 writes something to stdout;
//   - JSON output (stdout starting with '{') is valid RFC 8259 JSON: no NaN, no stray bytes;
//   - no output says "nan" or "inf".
// Each run happens in a scratch directory holding a few small input files (the working
// directory is restored afterwards, so relative corpus paths work), and arguments containing
// '/' are skipped, so that the fuzzer cannot read arbitrary files (/dev/zero…). Standard input
// is /dev/null. Two activity logs (log.csv, log.txt) feed churn events and churn cohort.

#include "cli/app.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, const std::vector<std::string>& args, int status,
                       const std::string& out, const std::string& err) {
    std::fprintf(stderr, "fuzz_cli: %s (status %d)\nargv:", what, status);
    for (const auto& a : args)
        std::fprintf(stderr, " [%s]", a.c_str());
    std::fprintf(stderr, "\nstdout: %s\nstderr: %s\n", out.c_str(), err.c_str());
    std::abort();
}

/// A strict RFC 8259 recogniser: is `s` one JSON value, with nothing after it?
class json_checker {
  public:
    explicit json_checker(std::string_view s) : s_(s) {}
    bool valid() {
        skip_space();
        if (!value(0))
            return false;
        skip_space();
        return i_ == s_.size();
    }

  private:
    bool value(int depth) {
        if (depth > 64 || i_ >= s_.size())
            return false;
        switch (s_[i_]) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return word("true");
            case 'f':
                return word("false");
            case 'n':
                return word("null");
            default:
                return number();
        }
    }
    bool object(int depth) {
        ++i_;
        skip_space();
        if (peek('}'))
            return ++i_, true;
        while (true) {
            skip_space();
            if (!peek('"') || !string())
                return false;
            skip_space();
            if (!peek(':'))
                return false;
            ++i_;
            skip_space();
            if (!value(depth + 1))
                return false;
            skip_space();
            if (peek('}'))
                return ++i_, true;
            if (!peek(','))
                return false;
            ++i_;
        }
    }
    bool array(int depth) {
        ++i_;
        skip_space();
        if (peek(']'))
            return ++i_, true;
        while (true) {
            skip_space();
            if (!value(depth + 1))
                return false;
            skip_space();
            if (peek(']'))
                return ++i_, true;
            if (!peek(','))
                return false;
            ++i_;
        }
    }
    bool string() {
        ++i_;
        while (i_ < s_.size()) {
            const auto c = static_cast<unsigned char>(s_[i_++]);
            if (c == '"')
                return true;
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (i_ >= s_.size())
                    return false;
                const char e = s_[i_++];
                if (e == 'u') {
                    for (int k = 0; k < 4; ++k, ++i_)
                        if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
                            return false;
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
            }
        }
        return false;
    }
    bool number() {
        peek('-') && ++i_;
        if (peek('0')) {
            ++i_;
        } else if (!digits()) {
            return false;
        }
        if (peek('.') && (++i_, !digits()))
            return false;
        if (peek('e') || peek('E')) {
            ++i_;
            (peek('+') || peek('-')) && ++i_;
            if (!digits())
                return false;
        }
        return true;
    }
    bool digits() {
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9')
            ++i_;
        return i_ > start;
    }
    bool word(std::string_view w) {
        if (s_.substr(i_, w.size()) != w)
            return false;
        i_ += w.size();
        return true;
    }
    bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
    void skip_space() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
            ++i_;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

/// "nan" or "inf" as a word of its own (not inside "info" or "financial").
bool says_non_finite(const std::string& text) {
    for (const std::string_view word : {"nan", "inf", "NaN", "Inf"}) {
        for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
            const bool start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
            const auto end = at + word.size();
            const bool stop =
                end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
            if (start && stop)
                return true;
        }
    }
    return false;
}

std::string scratch_dir;
std::string home_dir;

void write_file(const char* name, const char* text) {
    if (FILE* f = std::fopen(name, "w")) {
        std::fputs(text, f);
        std::fclose(f);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char home[4096];
    char dir[] = "/tmp/churn-fuzz-cli-XXXXXX";
    if (::getcwd(home, sizeof home) == nullptr || ::mkdtemp(dir) == nullptr || ::chdir(dir) != 0)
        std::abort();
    home_dir = home;
    scratch_dir = dir;
    std::atexit([] {
        std::error_code ignored;
        std::filesystem::remove_all(scratch_dir, ignored);
    });
    write_file("scores.txt", "10\n9\n7\n3\n");
    write_file("scores.csv", "name,score\nann,10\nbob,6\n");
    write_file("periods.csv", "period,start,lost,new\nJan,400,19,10\nFeb,,20,5\n");
    write_file("periods.tsv", "period\tstart\tend\tnew\tvalue\n2024-01\t400\t381\t0\t12.5\n");
    write_file("euro.csv", "period;start;lost;value\n\"Jan\";150;5;3,75\n");
    write_file("bad.csv", "period,start,lost\nJan,400,19\nFeb,abc,2\nMar,300,\"3\n");
    write_file("empty", "");
    write_file("log.csv",
               "customer_id,date,amount,order_id\nann,2024-01-03,30.00,1\n,2024-01-04,5,2\n"
               "bob,2024-02-15T10:00:00+01:00,12.5,3\nann,2024-03-28,-20.00,4\n");
    write_file("log.txt",
               "customer_id date number dollars\r\n1 19970101 1 29.33\r\n"
               "2 19970112 2 11.77\r\n1 19970402 1 9.99\r\n");
    ::mkdir("dir", 0755);
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd < 0 || ::dup2(null_fd, STDIN_FILENO) < 0)
        std::abort();
    ::close(null_fd);
    if (::chdir(home_dir.c_str()) != 0)
        std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    churn::cli::terminal term;
    term.stdout_is_tty = (data[0] & 1) != 0;
    term.stdin_is_tty = (data[0] & 2) != 0;
    term.no_color = (data[0] & 4) != 0;
    term.dumb = (data[0] & 8) != 0;
    const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);

    std::vector<std::string> args;
    std::size_t begin = 0;
    while (begin <= input.size()) {
        auto end = input.find('\n', begin);
        if (end == std::string_view::npos)
            end = input.size();
        args.emplace_back(input.substr(begin, end - begin));
        begin = end + 1;
    }
    if (!args.empty() && args.back().empty())
        args.pop_back();  // a trailing newline ends the last argument
    if (args.size() > 64)
        return 0;
    for (const auto& a : args)
        if (a.find('/') != std::string::npos)
            return 0;

    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    if (::chdir(scratch_dir.c_str()) != 0)
        std::abort();
    const int status = churn::cli::run(args, in, out, err, term);
    if (::chdir(home_dir.c_str()) != 0)
        std::abort();
    const std::string o = out.str();
    const std::string e = err.str();
    if (status != 0 && status != 1 && status != 2)
        fail("exit status outside 0, 1, 2", args, status, o, e);
    // batch, events and cohort stream (rows before a bad one, notes, every bad row's message).
    const bool events = !args.empty() && (args.front() == "events" || args.front() == "cohort");
    const bool batch = events || (!args.empty() && args.front() == "batch");
    if (status == 2) {
        if (e.empty() || e.back() != '\n')
            fail("an error without a message line", args, status, o, e);
        if (!batch && !o.empty())
            fail("an error left output on stdout", args, status, o, e);
        if (!batch && e.find('\n') != e.size() - 1)
            fail("an error message is not exactly one line", args, status, o, e);
    }
    for (std::size_t line = 0; line < e.size(); line = e.find('\n', line) + 1) {
        if (e.compare(line, 7, "churn: ") != 0)
            fail("a line on stderr does not start with \"churn: \"", args, status, o, e);
        if (e.find('\n', line) == std::string::npos)
            fail("stderr does not end with a newline", args, status, o, e);
    }
    // events and cohort --customers list nobody when nobody is in the cell.
    const bool listing = events && std::find(args.begin(), args.end(), "--customers") != args.end();
    if (status == 0 && o.empty() && !listing)
        fail("success without output", args, status, o, e);
    if (!o.empty() && (o.front() == '{' || (events && o.front() == '[')) &&
        !json_checker(o).valid())
        fail("invalid JSON on stdout", args, status, o, e);
    if (status != 2 && says_non_finite(o))
        fail("a non-finite number on stdout", args, status, o, e);
    return 0;
}
