#pragma once
// The sink of each format, one file each; make_sink chooses among them.

#include "cli/out/sink.hpp"

namespace churn::cli::out {

std::unique_ptr<sink> make_text_sink(std::ostream& out, const options& o);
std::unique_ptr<sink> make_table_sink(std::ostream& out, const options& o);
std::unique_ptr<sink> make_csv_sink(std::ostream& out, const options& o);
std::unique_ptr<sink> make_tsv_sink(std::ostream& out, const options& o);
std::unique_ptr<sink> make_json_sink(std::ostream& out, const options& o);
std::unique_ptr<sink> make_jsonl_sink(std::ostream& out, const options& o);

/// {"name":value,…} of one row, on one line (json.cpp; JSONL shares it).
void append_json_object(std::string& out, const std::vector<std::string>& names,
                        std::span<const value> values);
/// {"name":value,…} of totals, on one line.
void append_json_object(std::string& out, std::span<const total> totals);

}  // namespace churn::cli::out
