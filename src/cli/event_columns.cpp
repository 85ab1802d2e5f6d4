#include "cli/event_columns.hpp"
#include "cli/suggest.hpp"

#include <churn/error.hpp>
#include <churn/series.hpp>

#include <algorithm>
#include <array>

namespace churn::cli {

namespace {

/// A role's words, at the index of its event_role.
struct role_names {
    std::string_view name;  ///< in messages: "the customer"
    std::string_view flag;
    std::vector<std::string_view> guesses;  ///< common names, as exports spell them
};

const std::array<role_names, 6> roles = {{
    {"customer", "--customer", {"customer_id", "CustomerID", "user_id", "client_id", "account_id"}},
    {"date", "--date", {"date", "order_date", "InvoiceDate", "created_at", "timestamp"}},
    {"amount", "--amount", {"amount", "revenue", "total"}},
    {"quantity", "--quantity", {"Quantity", "qty"}},
    {"price", "--price", {"UnitPrice", "price"}},
    {"order", "--order", {"order_id", "InvoiceNo", "transaction_id"}},
}};

const role_names& names_of(event_role r) {
    return roles[static_cast<std::size_t>(r)];
}

/// The form guesses compare: canonical, without underscores (CustomerID, customer_id, userId).
std::string guess_key(std::string_view name) {
    std::string key = canonical_column_name(name);
    std::erase(key, '_');
    return key;
}

/// "A", "A and B", "A, B and C".
std::string and_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

class header_names {
  public:
    explicit header_names(const std::vector<std::string_view>& header) {
        for (const auto h : header) {
            shown_.emplace_back(h);
            canonical_.push_back(canonical_column_name(h));
            keys_.push_back(guess_key(h));
        }
        taken_.assign(header.size(), false);
        taken_by_.resize(header.size());
    }

    /// The column --flag names; fails when none or two have its name.
    std::size_t named(std::string_view flag, const std::string& name) {
        const std::string wanted = canonical_column_name(name);
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < canonical_.size(); ++i)
            if (!wanted.empty() && canonical_[i] == wanted)
                found.push_back(i);
        if (found.empty())
            throw parse_error(std::string(flag), name,
                              "is not a column of the header" + did_you_mean(wanted) +
                                  "; its columns: " + column_list(shown_));
        if (found.size() > 1)
            throw parse_error(std::string(flag), name,
                              "names columns " + std::to_string(found[0] + 1) + " and " +
                                  std::to_string(found[1] + 1) + " of the header; rename one");
        take(flag, found[0]);
        return found[0];
    }

    /// The one column not yet taken with one of the role's common names, if any.
    std::optional<std::size_t> guessed(const role_names& r) {
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (!taken_[i] && std::any_of(r.guesses.begin(), r.guesses.end(),
                                          [&](auto g) { return guess_key(g) == keys_[i]; }))
                found.push_back(i);
        if (found.empty())
            return std::nullopt;
        if (found.size() > 1) {
            std::vector<std::string> names;
            for (const auto i : found)
                names.push_back(shown(i));
            throw error((found.size() == 2 ? "both " : "") + and_list(names) +
                        (found.size() == 2 ? " could be the " : " could each be the ") +
                        std::string(r.name) + "; choose with " + std::string(r.flag));
        }
        taken_[found[0]] = true;
        return found[0];
    }

    /// A name as a message shows it (quoted when odd).
    std::string shown(std::size_t i) const { return column_list({shown_[i]}); }
    const std::vector<std::string>& all() const { return shown_; }

  private:
    /// " (did you mean X?)" for the header name nearest to `typed` (at most 2 edits, and fewer
    /// than half its letters), else nothing.
    std::string did_you_mean(const std::string& typed) const {
        const auto best = nearest(typed, canonical_);
        return best ? " (did you mean " + shown(*best) + "?)" : "";
    }

    void take(std::string_view flag, std::size_t i) {
        if (taken_[i])
            throw error(taken_by_[i] + " and " + std::string(flag) + " both name the column " +
                        shown(i) + "; each role needs its own column");
        taken_[i] = true;
        taken_by_[i] = std::string(flag);
    }

    std::vector<std::string> shown_;
    std::vector<std::string> canonical_;
    std::vector<std::string> keys_;
    std::vector<bool> taken_;            ///< by a flag or a guess: a column has one role
    std::vector<std::string> taken_by_;  ///< the flag that took each column
};

}  // namespace

event_columns find_event_columns(const std::vector<std::string_view>& header,
                                 const event_column_flags& flags) {
    if (flags.amount && (flags.quantity || flags.price))
        throw error(std::string(flags.quantity ? "--quantity" : "--price") +
                    " cannot be given with --amount: the amount is one column, or quantity × "
                    "price");
    if (flags.quantity && !flags.price)
        throw error("--quantity needs --price: the amount is quantity × price");
    if (flags.price && !flags.quantity)
        throw error("--price needs --quantity: the amount is quantity × price");

    header_names names(header);
    event_columns c;
    c.width = header.size();
    std::vector<std::optional<std::size_t>> at(roles.size());
    const std::array<const std::optional<std::string>*, 6> given = {
        &flags.customer, &flags.date, &flags.amount, &flags.quantity, &flags.price, &flags.order};
    for (std::size_t r = 0; r < roles.size(); ++r)
        if (*given[r])
            at[r] = names.named(roles[r].flag, **given[r]);

    const auto slot = [&](event_role r) -> std::optional<std::size_t>& {
        return at[static_cast<std::size_t>(r)];
    };

    // Guessed in the note's order; quantity and price only for a log without an amount.
    std::vector<std::string> guessed;
    const auto guess = [&](event_role role) {
        if (slot(role))
            return;
        slot(role) = names.guessed(names_of(role));
        if (slot(role))
            guessed.push_back(std::string(names_of(role).name) + " " + names.shown(*slot(role)));
    };
    for (const auto role : {event_role::customer, event_role::date}) {
        guess(role);
        if (!slot(role)) {
            const role_names& r = names_of(role);
            throw error("no " + std::string(r.name) + " column: the header (" +
                        column_list(names.all()) + ") has none of " +
                        and_list({r.guesses.begin(), r.guesses.end()}) + "; name it with " +
                        std::string(r.flag) + " COL");
        }
    }
    if (!flags.quantity)
        guess(event_role::amount);
    if (!slot(event_role::amount) && !flags.quantity) {
        // Line items: amount = quantity × price, when both are there.
        const auto quantity = names.guessed(names_of(event_role::quantity));
        const auto price = quantity ? names.guessed(names_of(event_role::price)) : std::nullopt;
        if (quantity && price) {
            slot(event_role::quantity) = quantity;
            slot(event_role::price) = price;
            guessed.push_back("amount " + names.shown(*quantity) + " × " + names.shown(*price));
        }
    }
    guess(event_role::order);

    c.customer = *slot(event_role::customer);
    c.date = *slot(event_role::date);
    c.amount = slot(event_role::amount);
    c.quantity = slot(event_role::quantity);
    c.price = slot(event_role::price);
    c.order = slot(event_role::order);
    if (!guessed.empty()) {
        c.note = "columns guessed: ";
        for (std::size_t i = 0; i < guessed.size(); ++i)
            c.note += (i == 0 ? "" : ", ") + guessed[i];
    }
    return c;
}

}  // namespace churn::cli
