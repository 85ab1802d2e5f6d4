#include <churn/csv.hpp>
#include <churn/error.hpp>

#include <cstring>

namespace churn {

namespace {
constexpr std::size_t block = std::size_t{1} << 16;
}

csv_reader::csv_reader(std::istream& in, std::string source, csv_options options)
    : in_(in), source_(std::move(source)), options_(options), buffer_(block) {}

int csv_reader::get() {
    if (pos_ == end_) {
        if (!in_)
            return -1;
        in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        end_ = static_cast<std::size_t>(in_.gcount());
        pos_ = 0;
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
    return static_cast<unsigned char>(buffer_[pos_++]);
}

void csv_reader::fail(std::size_t line, const std::string& what) const {
    throw error(source_ + ":" + std::to_string(line) + ": " + what);
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

bool csv_reader::next_in_buffer(std::vector<std::string_view>& fields) {
    // A whole line in the buffer without quotes, CR or NUL is split in place: no copy.
    char* const data = buffer_.data();
    for (;;) {
        const char* const begin = data + pos_;
        const char* const stop = data + end_;
        const auto* nl = static_cast<const char*>(
            std::memchr(begin, '\n', static_cast<std::size_t>(stop - begin)));
        if (nl == nullptr) {
            if (!in_ || (pos_ == 0 && end_ == buffer_.size()))
                return false;
            std::memmove(data, begin, static_cast<std::size_t>(stop - begin));
            end_ -= pos_;
            pos_ = 0;
            in_.read(data + end_, static_cast<std::streamsize>(buffer_.size() - end_));
            const auto got = static_cast<std::size_t>(in_.gcount());
            if (in_.bad())
                fail(line_, "read error");
            end_ += got;
            if (got == 0)
                return false;
            continue;
        }
        fields.clear();
        const char* field = begin;
        for (const char* p = begin; p != nl; ++p) {
            const char c = *p;
            if (c == options_.delimiter) {
                fields.emplace_back(field, static_cast<std::size_t>(p - field));
                field = p + 1;
            } else if (c == '"' || c == '\r' || c == '\0') {
                return false;  // the careful path handles these
            }
        }
        fields.emplace_back(field, static_cast<std::size_t>(nl - field));
        record_line_ = line_++;
        pos_ = static_cast<std::size_t>(nl + 1 - data);
        if (nl == begin)
            continue;  // a blank line
        for (const auto f : fields)
            if (f.size() > options_.max_field)
                fail(record_line_,
                     "field longer than " + std::to_string(options_.max_field) + " bytes");
        check_record_size(fields.size(), static_cast<std::size_t>(nl - begin));
        return true;
    }
}

bool csv_reader::next(std::vector<std::string_view>& fields) {
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
        int c = get();
        if (c == -1)
            return false;
        for (;; c = get()) {
            if (c == 0)
                fail(line_, "NUL byte in input (binary file?)");
            if (quoted) {
                if (c == -1)
                    fail(quote_line, "unterminated quoted field (the quote opens here)");
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
                    if (c == '\n')
                        ++line_;
                    record_.push_back(static_cast<char>(c));
                    check_field_size(field_start);
                    continue;
                }
            }
            if (c == '\r') {
                const int d = get();
                if (d != '\n') {
                    if (was_quoted)
                        fail(line_, "text after a closing quote");
                    record_.push_back('\r');
                    check_field_size(field_start);
                    if (d == -1) {
                        c = -1;
                    } else {
                        --pos_;  // d is still in the buffer
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
                if (c == '\n')
                    ++line_;
                break;
            }
            if (was_quoted)
                fail(line_, "text after a closing quote; quote the whole field");
            if (c == '"') {
                if (record_.size() != field_start)
                    fail(line_, "a quote inside an unquoted field; quote the whole field");
                quoted = true;
                any_quoted = true;
                quote_line = line_;
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
        fields.clear();
        std::size_t begin = 0;
        for (const std::size_t end : offsets_) {
            fields.emplace_back(record_.data() + begin, end - begin);
            begin = end;
        }
        return true;
    }
}

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
    bool needs_quotes = false;
    for (const char c : field) {
        if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
            needs_quotes = true;
            break;
        }
    }
    if (!needs_quotes) {
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
