// cli/rule_options.h — the --extra-rules option, declared alike by every command that takes
// --rules (clean, crawl, convert, rules check).
// Stateless; thread-safe.
#ifndef QINGXI_CLI_RULE_OPTIONS_H_
#define QINGXI_CLI_RULE_OPTIONS_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace qingxi::cli {

// Adds `--extra-rules DIR` (repeatable, one directory per occurrence) filling `dirs` in order.
inline CLI::Option* AddExtraRulesOption(CLI::App* app, std::vector<std::string>* dirs) {
  return app
      ->add_option("--extra-rules", *dirs,
                   "a directory of your own rule files layered over --rules (repeatable, later "
                   "layers win): same-named files add entries, `unset` removes one, `set` "
                   "overrides a threshold; see docs/rules.md")
      ->type_name("DIR")
      ->allow_extra_args(false);
}

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_RULE_OPTIONS_H_
