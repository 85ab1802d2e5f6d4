#include "cli/out/sink.hpp"

#include "cli/options.hpp"
#include "cli/out/formats.hpp"

#include <churn/error.hpp>

#include <string>

namespace churn::cli::out {

void sink::flush() {
    if (!buffer_.empty() && out_)
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (out_)
        out_.flush();
}

std::unique_ptr<sink> make_sink(format f, std::ostream& out, const options& o) {
    switch (f) {
        case format::text:
            return make_text_sink(out, o);
        case format::table:
            return make_table_sink(out, o);
        case format::csv:
            return make_csv_sink(out, o);
        case format::tsv:
            return make_tsv_sink(out, o);
        case format::json:
            return make_json_sink(out, o);
        case format::jsonl:
            return make_jsonl_sink(out, o);
        case format::svg:
        case format::html:
            break;
    }
    throw error("--format " + std::string(name_of(f)) + " draws a picture, not rows of values");
}

}  // namespace churn::cli::out
