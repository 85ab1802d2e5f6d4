#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <bit>
#include <cstdint>
#include <cstring>

namespace churn {

namespace {

/// Bytes read at a time; the buffer has one word more, so that a word can be loaded at any
/// byte of a block.
constexpr std::size_t block = std::size_t{1} << 16;

// Word-at-a-time scanning (SWAR): eight bytes per step of the fast path instead of one.
using word = std::uint64_t;
constexpr word ones = 0x0101010101010101;
constexpr word highs = 0x8080808080808080;

/// The eight bytes at p, the first in the lowest byte whatever the machine's byte order.
word load(const char* p) {
    word w;
    std::memcpy(&w, p, sizeof w);
    if constexpr (std::endian::native == std::endian::big)
        w = __builtin_bswap64(w);
    return w;
}

/// The high bit of each byte of w equal to c, and no other bit.
word equal_bytes(word w, unsigned char c) {
    const word x = w ^ (ones * c);
    return ~(((x & ~highs) + ~highs) | x | ~highs);
}

/// Whether test(w) holds for one of the words that cover the bytes of s. The words may repeat
/// bytes of s but hold no others, so `test` must ask whether any byte is something, not where.
template <class Test>
bool any_word(std::string_view s, Test test) {
    const char* const p = s.data();
    const std::size_t n = s.size();
    if (n >= sizeof(word)) {
        for (std::size_t i = 0; i + sizeof(word) <= n; i += sizeof(word))
            if (test(load(p + i)))
                return true;
        return n % sizeof(word) != 0 && test(load(p + n - sizeof(word)));
    }
    if (n >= 4) {  // two halves that overlap
        std::uint32_t low = 0;
        std::uint32_t high = 0;
        std::memcpy(&low, p, 4);
        std::memcpy(&high, p + n - 4, 4);
        return test(word{low} | word{high} << 32);
    }
    if (n == 0)
        return false;
    word w = 0;  // the one to three bytes, round and round
    for (std::size_t i = 0; i < sizeof(word); ++i)
        w |= word{static_cast<unsigned char>(p[i % n])} << (8 * i);
    return test(w);
}

}  // namespace

csv_reader::csv_reader(std::istream& in, std::string source, csv_options options)
    : in_(in), source_(std::move(source)), options_(options), buffer_(block + sizeof(word)) {}

int csv_reader::get() {
    if (pos_ == end_) {
        if (!in_)
            return -1;
        in_.read(buffer_.data(), static_cast<std::streamsize>(block));
        end_ = static_cast<std::size_t>(in_.gcount());
        pos_ = 0;
        forget_specials();
        if (in_.bad())
            fail(line_, "read error");
        if (end_ == 0)
            return -1;
        if (at_start_) {
            at_start_ = false;
            // A UTF-8 byte order mark at the very start is not part of the first name.
            while (end_ < 3 && in_) {
                in_.read(buffer_.data() + end_, static_cast<std::streamsize>(3 - end_));
                end_ += static_cast<std::size_t>(in_.gcount());
            }
            if (end_ >= 3 && buffer_[0] == '\xEF' && buffer_[1] == '\xBB' && buffer_[2] == '\xBF')
                pos_ = 3;
            if (pos_ == end_)
                return get();
        }
    }
    ++column_;
    return static_cast<unsigned char>(buffer_[pos_++]);
}

std::string_view csv_reader::peek() {
    if (get() != -1)
        unget();
    return {buffer_.data() + pos_, end_ - pos_};
}

void csv_reader::unget() {
    --pos_;
    --column_;
}

void csv_reader::fail(std::size_t line, const std::string& what) const {
    throw error(source_ + ":" + std::to_string(line) + ": " + what);
}

void csv_reader::fail(std::size_t line, std::size_t column, const std::string& what) const {
    throw error(source_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + what);
}

void csv_reader::check_field_size(std::size_t field_start) const {
    if (record_.size() - field_start > options_.max_field)
        fail(record_line_, "field longer than " + std::to_string(options_.max_field) + " bytes");
    if (record_.size() > options_.max_record)
        fail(record_line_, "record longer than " + std::to_string(options_.max_record) + " bytes");
}

void csv_reader::check_record_size(std::size_t fields, std::size_t bytes) const {
    if (fields > options_.max_fields)
        fail(record_line_,
             "more than " + std::to_string(options_.max_fields) + " fields in one record");
    if (bytes > options_.max_record)
        fail(record_line_, "record longer than " + std::to_string(options_.max_record) + " bytes");
}

void csv_reader::fail_cr_only() const {
    fail(line_,
         "a carriage return (CR) ends no line: the file has old Mac line ends (CR only); "
         "convert them to LF, e.g. tr '\\r' '\\n'");
}

void csv_reader::forget_specials() {
    specials_.fill(unknown);
}

std::size_t csv_reader::next_special(char c) {
    // Each is searched for once per byte of the buffer, not once per line: the next one after
    // the line just read is still ahead of the next line.
    std::size_t& at = specials_[c == '"' ? 0 : c == '\r' ? 1 : 2];
    if (at == unknown || at < pos_) {
        const char* const data = buffer_.data();
        const void* const found = std::memchr(data + pos_, c, end_ - pos_);
        at = found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - data)
                              : end_;
    }
    return at;
}

const char* csv_reader::buffered_line() {
    char* const data = buffer_.data();
    for (;;) {
        const char* const begin = data + pos_;
        const std::size_t left = end_ - pos_;
        if (const void* const nl = std::memchr(begin, '\n', left); nl != nullptr)
            return static_cast<const char*>(nl);
        if (!in_ || (pos_ == 0 && end_ == block))
            return nullptr;
        std::memmove(data, begin, left);
        end_ = left;
        pos_ = 0;
        forget_specials();
        in_.read(data + end_, static_cast<std::streamsize>(block - end_));
        const auto got = static_cast<std::size_t>(in_.gcount());
        if (in_.bad())
            fail(line_, "read error");
        end_ += got;
        if (got == 0)
            return nullptr;
    }
}

void csv_reader::take_line(const std::vector<std::string_view>& fields, std::size_t bytes) {
    if (bytes > options_.max_field)
        for (const auto f : fields)
            if (f.size() > options_.max_field)
                fail(record_line_,
                     "field longer than " + std::to_string(options_.max_field) + " bytes");
    check_record_size(fields.size(), bytes);
    first_record_ = false;  // after peek(), the first record may come this way
}

bool csv_reader::next_in_buffer(std::vector<std::string_view>& fields) {
    // A whole line in the buffer without quotes, NUL or a CR (but the one of a CRLF line end)
    // is split in place: no copy.
    char* const data = buffer_.data();
    for (;;) {
        const char* const nl = buffered_line();
        if (nl == nullptr)
            return false;
        const char* const begin = data + pos_;
        fields.clear();
        const char* field = begin;
        const char* const line_end = nl != begin && nl[-1] == '\r' ? nl - 1 : nl;
        const auto until = static_cast<std::size_t>(line_end - data);
        if (next_special('"') < until || next_special('\r') < until || next_special('\0') < until)
            return false;  // the careful path handles quotes, CR and NUL
        const auto delimiter = static_cast<unsigned char>(options_.delimiter);
        for (const char* p = begin; p < line_end; p += sizeof(word)) {
            // A word may run past the line (the buffer has room for it): mask those bytes off.
            const auto left = static_cast<std::size_t>(line_end - p);
            const word line = left >= sizeof(word) ? ~word{0} : (word{1} << (8 * left)) - 1;
            for (word d = equal_bytes(load(p), delimiter) & line; d != 0; d &= d - 1) {
                const char* const at = p + std::countr_zero(d) / 8;
                fields.emplace_back(field, static_cast<std::size_t>(at - field));
                field = at + 1;
            }
        }
        fields.emplace_back(field, static_cast<std::size_t>(line_end - field));
        record_line_ = line_++;
        pos_ = static_cast<std::size_t>(nl + 1 - data);
        if (line_end == begin)
            continue;  // a blank line
        take_line(fields, static_cast<std::size_t>(line_end - begin));
        return true;
    }
}

namespace {

bool blank(char c) {
    return c == ' ' || c == '\t';
}

}  // namespace

bool csv_reader::next_blank_separated_in_buffer(std::vector<std::string_view>& fields) {
    // As next_in_buffer: a whole line without NUL or a lone CR is split in place. Fixed-layout
    // fields are short, so a byte at a time is fast enough.
    char* const data = buffer_.data();
    for (;;) {
        const char* const nl = buffered_line();
        if (nl == nullptr)
            return false;
        const char* const begin = data + pos_;
        const char* const line_end = nl != begin && nl[-1] == '\r' ? nl - 1 : nl;
        const auto until = static_cast<std::size_t>(line_end - data);
        if (next_special('\r') < until || next_special('\0') < until)
            return false;
        fields.clear();
        for (const char* p = begin;;) {
            while (p != line_end && blank(*p))
                ++p;
            if (p == line_end)
                break;
            const char* const field = p;
            while (p != line_end && !blank(*p))
                ++p;
            fields.emplace_back(field, static_cast<std::size_t>(p - field));
        }
        record_line_ = line_++;
        pos_ = static_cast<std::size_t>(nl + 1 - data);
        if (fields.empty())
            continue;  // a blank line
        take_line(fields, static_cast<std::size_t>(line_end - begin));
        return true;
    }
}

bool csv_reader::next_blank_separated(std::vector<std::string_view>& fields) {
    if (!at_start_ && next_blank_separated_in_buffer(fields))
        return true;
    for (;;) {
        record_.clear();
        offsets_.clear();
        record_line_ = line_;
        std::size_t field_start = 0;
        bool in_field = false;
        int c = get();
        if (c == -1)
            return false;
        for (;; c = get()) {
            if (c == 0)
                fail(line_, "NUL byte in input (binary file?)");
            if (c == '\r') {
                const int d = get();
                if (d == '\n') {
                    c = '\n';
                } else {
                    if (first_record_)
                        fail_cr_only();
                    if (d != -1)
                        unget();
                }
            }
            const bool ends_line = c == '\n' || c == -1;
            if (ends_line || c == ' ' || c == '\t') {
                if (in_field) {
                    offsets_.push_back(record_.size());
                    check_record_size(offsets_.size(), record_.size());
                    in_field = false;
                }
                if (!ends_line)
                    continue;
                if (c == '\n') {
                    ++line_;
                    column_ = 0;
                }
                break;
            }
            if (!in_field) {
                in_field = true;
                field_start = record_.size();
            }
            record_.push_back(static_cast<char>(c));
            check_field_size(field_start);
        }
        if (offsets_.empty()) {  // a blank line
            if (c == -1)
                return false;
            continue;
        }
        take_record(fields);
        return true;
    }
}

void csv_reader::take_record(std::vector<std::string_view>& fields) {
    fields.clear();
    std::size_t begin = 0;
    for (const std::size_t end : offsets_) {
        fields.emplace_back(record_.data() + begin, end - begin);
        begin = end;
    }
    first_record_ = false;
}

bool csv_reader::next(std::vector<std::string_view>& fields) {
    if (options_.whitespace)
        return next_blank_separated(fields);
    const char delimiter = options_.delimiter;
    if (!at_start_ && next_in_buffer(fields))
        return true;
    for (;;) {
        record_.clear();
        offsets_.clear();
        record_line_ = line_;
        std::size_t field_start = 0;
        bool quoted = false;      // inside a quoted field
        bool was_quoted = false;  // the current field was quoted and has closed
        bool any_quoted = false;  // some field of the record was quoted: "" is not blank
        std::size_t quote_line = 0;
        std::size_t quote_column = 0;
        int c = get();
        if (c == -1)
            return false;
        for (;; c = get()) {
            if (c == 0)
                fail(line_, "NUL byte in input (binary file?)");
            if (quoted) {
                if (c == -1)
                    fail(quote_line, quote_column,
                         "unterminated quoted field (the quote opens here)");
                if (c == '"') {
                    const int d = get();
                    if (d == '"') {
                        record_.push_back('"');
                        continue;
                    }
                    quoted = false;
                    was_quoted = true;
                    c = d;
                    // fall through to handle the byte after the closing quote
                } else {
                    if (c == '\n') {
                        ++line_;
                        column_ = 0;
                    }
                    record_.push_back(static_cast<char>(c));
                    check_field_size(field_start);
                    continue;
                }
            }
            if (c == '\r') {
                const std::size_t cr_column = column_;
                const int d = get();
                if (d != '\n') {
                    if (was_quoted)
                        fail(line_, cr_column, "text after a closing quote; quote the whole field");
                    record_.push_back('\r');
                    check_field_size(field_start);
                    if (first_record_)
                        fail_cr_only();
                    if (d == -1) {
                        c = -1;
                    } else {
                        unget();  // d is still in the buffer
                        continue;
                    }
                } else {
                    c = '\n';
                }
            }
            if (c == delimiter || c == '\n' || c == -1) {
                offsets_.push_back(record_.size());
                check_record_size(offsets_.size(), record_.size());
                field_start = record_.size();
                was_quoted = false;
                if (c == delimiter)
                    continue;
                if (c == '\n') {
                    ++line_;
                    column_ = 0;
                }
                break;
            }
            if (was_quoted)
                fail(line_, column_, "text after a closing quote; quote the whole field");
            if (c == '"') {
                if (record_.size() != field_start)
                    fail(line_, column_, "a quote inside an unquoted field; quote the whole field");
                quoted = true;
                any_quoted = true;
                quote_line = line_;
                quote_column = column_;
                continue;
            }
            record_.push_back(static_cast<char>(c));
            check_field_size(field_start);
        }
        // A blank line is one empty, unquoted field: skip it.
        if (offsets_.size() == 1 && record_.empty() && !any_quoted) {
            if (c == -1)
                return false;
            continue;
        }
        take_record(fields);
        return true;
    }
}

std::size_t invalid_utf8(std::string_view text) {
    if (!any_word(text, [](word w) { return (w & highs) != 0; }))
        return std::string_view::npos;  // ASCII, the common case
    const auto* const s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The length of the sequence and the range of its second byte (RFC 3629 table):
        // no overlong forms, no surrogates, nothing past U+10FFFF.
        std::size_t len = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        i += len;
    }
    return std::string_view::npos;
}

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
    const auto d = static_cast<unsigned char>(delimiter);
    if (!any_word(field, [d](word w) {
            return (equal_bytes(w, d) | equal_bytes(w, '"') | equal_bytes(w, '\r') |
                    equal_bytes(w, '\n')) != 0;
        })) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace churn
