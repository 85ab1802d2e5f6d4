#pragma once
// The SQL engines --emit-sql writes for, and every place they differ: quoting, types, integer
// division, dates, padding and the series of periods. The model (model.hpp) is written once in
// these terms; nothing else in it knows an engine.

#include <optional>
#include <string>
#include <string_view>

namespace churn::cli::sql {

enum class engine { duckdb, postgres, sqlite, bigquery, spark };

/// The engine named by --emit-sql; nullopt for an unknown name.
std::optional<engine> parse_engine(std::string_view name);
std::string_view name_of(engine e);

class dialect {
  public:
    explicit dialect(engine e) : e_(e) {}
    engine kind() const { return e_; }

    /// A column or CTE name, quoted so that no character in it ends the name.
    std::string ident(std::string_view name) const;
    /// A table name, its dots separating schema (and project or catalog) from table; in SQLite
    /// an unqualified one is main's.
    std::string table(std::string_view name) const;
    /// A string literal.
    std::string literal(std::string_view text) const;

    std::string text(const std::string& x) const;  ///< CAST(x AS text)
    std::string bigint(const std::string& x) const;
    /// An exact integer wide enough for money in units (DuckDB HUGEINT, PostgreSQL numeric, …).
    std::string wide(const std::string& x) const;
    /// a / b and a % b of integers (≥ 0 wherever the model uses them), truncating.
    std::string div(const std::string& a, const std::string& b) const;
    std::string mod(const std::string& a, const std::string& b) const;
    /// x (an integer) as text padded with zeros to `width` (an integer expression ≥ 1).
    std::string pad(const std::string& x, const std::string& width) const;
    /// The 1-based position of `needle` (a literal) in text s, 0 when absent.
    std::string find(const std::string& s, std::string_view needle) const;

    /// ISO 8601 text (a date, or a time with an optional Z or ±HH:MM) to a timestamp: times with
    /// a zone are converted to UTC, then shifted by `offset_minutes`; naive ones are as written.
    std::string timestamp(const std::string& text, int offset_minutes) const;
    /// Seconds (or with `millis` milliseconds) since 1970-01-01 UTC, as text, to a timestamp
    /// shifted by `offset_minutes`.
    std::string epoch_timestamp(const std::string& text, bool millis, int offset_minutes) const;
    /// Days since 1970-01-01 of a timestamp, and the date of such a day number.
    std::string epoch_day(const std::string& ts) const;
    std::string day_date(const std::string& day) const;
    /// YEAR, MONTH or DAY of a date or timestamp, as an integer.
    std::string part(std::string_view field, const std::string& date) const;
    /// The date of integers y, m, d.
    std::string make_date(const std::string& y, const std::string& m, const std::string& d) const;

    /// `WITH` or `WITH RECURSIVE`: whether series() needs a recursive CTE.
    std::string_view with() const;
    /// The body of CTE `name`, column `column`: the integers from..to of the one-row CTE `bounds`
    /// (columns from_expr, to_expr name them there).
    std::string series(std::string_view name, std::string_view column, std::string_view from,
                       std::string_view to, std::string_view bounds) const;

  private:
    /// A timestamp moved by `minutes` (an --utc-offset).
    std::string shifted(const std::string& ts, int minutes) const;

    engine e_;
};

}  // namespace churn::cli::sql
