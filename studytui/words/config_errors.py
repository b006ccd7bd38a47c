"""What is wrong with the learner's config.toml, at path:line."""

WORDS = {
    "config.number": ("{lo}부터 {hi}까지의 숫자여야 합니다", "must be a number from {lo} to {hi}"),
    "config.whole_number": ("{lo}부터 {hi}까지의 정수여야 합니다",
                            "must be a whole number from {lo} to {hi}"),
    "config.range": ("{lo}부터 {hi}까지여야 합니다(지금은 {value})",
                     "must be from {lo} to {hi}, not {value}"),
    "config.one_of": ("다음 중 하나여야 합니다: {choices}", "must be one of {choices}"),
    "config.keys_quotes": ('바인딩 id를 따옴표로 감싸야 합니다: "cards.flip" = "f"',
                           'needs quotes around the binding id: "cards.flip" = "f"'),
    "config.keys_string": ('"f"나 "f,space"처럼 키를 적은 문자열이어야 합니다',
                           'must be a string of keys, like "f" or "f,space"'),
    "config.keys_list": ('{value}는 키 목록이 아닙니다. "f,space"처럼 쉼표로 구분해 적으세요',
                         '{value} is not a list of keys: names with commas between, '
                         'like "f,space"'),
    "config.keys_table": ('{where}: keys는 표여야 합니다. [keys] 아래에 "cards.flip" = "f" '
                          '같은 줄을 적으세요',
                          '{where}: keys must be a table: [keys] then lines like '
                          '"cards.flip" = "f"'),
    "config.bad_key": ("{where}: [keys] {id}: {problem}", "{where}: [keys] {id}: {problem}"),
    "config.no_such_id": ("이 id를 쓰는 키가 없습니다", "no key has this id"),
    "config.no_such_id_near": ("이 id를 쓰는 키가 없습니다(이 화면의 id: {ids})",
                               "no key has this id (this screen's ids: {ids})"),
    "config.key_taken": ("{key}는 {screen} 화면에서 이미 {other}에 쓰입니다",
                         "{key} is already {other} on {screen}"),
    "config.unreadable": ("{where}: 설정 파일을 읽을 수 없습니다: {reason}",
                          "{where}: cannot read the config file: {reason}"),
    "config.not_utf8": ("{where}: 설정 파일이 UTF-8이 아닙니다({byte}번째 바이트)",
                        "{where}: the config file is not UTF-8 (byte {byte})"),
    "config.not_toml": ("{where}: 올바른 TOML이 아닙니다: {reason}",
                        "{where}: not valid TOML: {reason}"),
    "config.long_number": ("{where}: 설정 파일의 숫자가 너무 깁니다",
                           "{where}: a number in the config file is too long"),
    "config.unknown": ("{where}: 알 수 없는 설정 '{key}'(쓸 수 있는 설정: {known})",
                       "{where}: unknown setting '{key}' (known: {known})"),
    "config.bad_value": ("{where}: {key} 값은 {problem}", "{where}: {key} {problem}"),
    "config.true_false": ("true나 false여야 합니다", "must be true or false"),
}
