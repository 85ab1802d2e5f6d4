#pragma once
/// The churn library: `#include <churn/churn.hpp>` and link `churn::core`.

#include <churn/csv.hpp>
#include <churn/date.hpp>
#include <churn/decimal.hpp>
#include <churn/error.hpp>
#include <churn/metrics.hpp>
#include <churn/parse.hpp>
#include <churn/period.hpp>
#include <churn/period_length.hpp>
#include <churn/ratio.hpp>
#include <churn/scores.hpp>
#include <churn/series.hpp>
#include <churn/version.hpp>
