#pragma once
/// A streaming RFC 4180 reader for CSV and TSV: quoted fields with delimiters and newlines,
/// CRLF, a UTF-8 BOM; strict about ragged quoting, NUL bytes and over-long fields. Also reads
/// whitespace-separated, fixed-layout files (csv_options::whitespace).

#include <array>
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace churn {

struct csv_options {
    char delimiter = ',';  ///< NUL for none: each line one field (NUL bytes are errors anyway)
    /// Fields are separated by runs of spaces and tabs instead of `delimiter`, as in fixed-layout
    /// files (CDNOW's): blanks at the start and end of a line are ignored, so no field is empty
    /// and none holds a blank. Quotes are ordinary bytes. LF and CRLF end lines, a UTF-8 BOM is
    /// skipped, blank lines too; NUL bytes, limits and CR-only line ends are errors as in CSV.
    bool whitespace = false;
    std::size_t max_field = std::size_t{1} << 20;   ///< longest field in bytes (1 MiB)
    std::size_t max_record = std::size_t{1} << 24;  ///< longest record, all fields (16 MiB)
    std::size_t max_fields = std::size_t{1} << 16;  ///< most fields in one record (65536)
};

/// Reads records one at a time in constant memory. Blank lines are skipped. Errors are
/// churn::error naming `source:line` (physical lines, counting newlines inside quotes), and
/// `source:line:column` (in bytes, from 1) for quoting errors. A CR that ends no line is data,
/// except in the first record, where it means CR-only (old Mac) line ends: an error saying so.
class csv_reader {
  public:
    csv_reader(std::istream& in, std::string source, csv_options options = {});

    /// The next record's fields, valid until the next call; false at the end of the input.
    bool next(std::vector<std::string_view>& fields);
    /// The physical line on which the last record began (1-based).
    std::size_t line() const { return record_line_; }
    const std::string& source() const { return source_; }
    /// The start of the input, up to 64 KiB of it (after a BOM), without consuming it; for
    /// choosing the delimiter before the first record is read. Only before the first next().
    std::string_view peek();
    /// Splits the records after the last one read at `delimiter` (NUL: not at all); not in
    /// whitespace mode.
    void set_delimiter(char delimiter) { options_.delimiter = delimiter; }

  private:
    int get();     ///< next byte, or -1 at the end; counts the column
    void unget();  ///< steps back over the byte get() returned
    /// The fast path: true when a plain line was split in place, false to read carefully.
    bool next_in_buffer(std::vector<std::string_view>& fields);
    /// The fast path of whitespace mode, as next_in_buffer.
    bool next_blank_separated_in_buffer(std::vector<std::string_view>& fields);
    /// The careful path of whitespace mode, byte by byte.
    bool next_blank_separated(std::vector<std::string_view>& fields);
    /// The '\n' that ends the line at pos_, reading more input (and moving the line to the
    /// start of the buffer) when needed; nullptr when the line does not end in a full buffer.
    const char* buffered_line();
    /// The error of a CR that ends no line in the first record.
    [[noreturn]] void fail_cr_only() const;
    /// Where in the buffer the next quote, CR or NUL (c) is at or after pos_, or end_.
    std::size_t next_special(char c);
    /// Forgets where they are, once the buffer's bytes have moved.
    void forget_specials();
    /// Checks a line split in place (`bytes` long) against the limits, as the careful path does.
    void take_line(const std::vector<std::string_view>& fields, std::size_t bytes);
    /// Hands the record read carefully (record_, offsets_) out as fields.
    void take_record(std::vector<std::string_view>& fields);
    [[noreturn]] void fail(std::size_t line, const std::string& what) const;
    /// Fails naming `source:line:column`, for errors of quoting.
    [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& what) const;
    /// Fails past max_field (the field began at field_start in record_) or max_record.
    void check_field_size(std::size_t field_start) const;
    /// Fails past max_fields or max_record, so that memory stays bounded on any input.
    void check_record_size(std::size_t fields, std::size_t bytes) const;

    std::istream& in_;
    std::string source_;
    csv_options options_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    bool at_start_ = true;
    bool first_record_ = true;  ///< no record returned yet
    std::size_t line_ = 1;
    std::size_t column_ = 0;  ///< bytes of the current physical line read by get()
    std::size_t record_line_ = 0;
    std::string record_;                ///< the fields' bytes, back to back
    std::vector<std::size_t> offsets_;  ///< where each field ends in record_
    static constexpr std::size_t unknown = ~std::size_t{0};
    std::array<std::size_t, 3> specials_{unknown, unknown, unknown};  ///< next_special's finds
};

/// Where `text` stops being valid UTF-8 (a byte offset), or npos when all of it is.
std::size_t invalid_utf8(std::string_view text);

/// Writes one field for CSV: quoted only when it holds the delimiter, a quote, CR or LF.
void append_csv_field(std::string& out, std::string_view field, char delimiter = ',');

}  // namespace churn
