"""What a demo parameter accepts and why a value was refused (demos/params.py):
the demo screen's form, `studytui demo NAME --help`, and its error lines."""

WORDS = {
    "demo_params.accepts.number": ("{low}부터 {high}까지의 수", "a number from {low} to {high}"),
    "demo_params.accepts.bool": ("true 또는 false", "true or false"),
    "demo_params.accepts.str": ("{n}자 이하의 글", "a text of at most {n} characters"),
    "demo_params.accepts.choice": ("다음 중 하나: {options}", "one of {options}"),
    "demo_params.accepts.choices": ("쉼표로 구분한 목록: {options}",
                                    "a comma-separated list of {options}"),
    "demo_params.accepts.point": ("두 수 x,y (각각 {low}부터 {high}까지)",
                                  "two numbers x,y, each from {low} to {high}"),
    "demo_params.accepts.floatmap": (
        "이름=값 쌍 (이름: {names}; 값: {low}부터 {high}까지)",
        "name=value pairs (names: {names}; values from {low} to {high})"),
    "demo_params.required": ("값이 필요합니다: {accepts}", "a value is required: {accepts}"),
    "demo_params.invalid": ("{shown}은(는) 올바른 값이 아닙니다: {accepts}",
                            "{shown} is not valid: {accepts}"),
    "demo_params.out_of_range": ("{shown}은(는) 범위를 벗어납니다: {accepts}",
                                 "{shown} is out of range: {accepts}"),
    "demo_params.too_long": ("{n}자로 너무 깁니다: {accepts}",
                             "is {n} characters long: {accepts}"),
    "demo_params.unknown_value": ("알 수 없는 값 {shown}: {accepts}",
                                  "unknown value {shown}: {accepts}"),
    "demo_params.empty": ("값이 하나 이상 있어야 합니다: {accepts}",
                          "needs at least one value: {accepts}"),
    "demo_params.unknown_param": ("{demo}에 없는 파라미터입니다. 가능한 것: {valid}",
                                  "unknown parameter of {demo}; valid: {valid}"),
    "demo_params.unknown_demo": ("알 수 없는 데모 {shown}. 가능한 것: {valid}",
                                 "unknown demo {shown}; valid: {valid}"),
    "demo_params.heads_divide": ("{heads}은(는) d_model={d_model}의 약수가 아닙니다. "
                                 "가능한 값: {valid}",
                                 "{heads} does not divide d_model={d_model}; valid: {valid}"),
    "demo_params.token_count": ("토큰이 {n}개입니다: 1개부터 {most}개까지 주세요",
                                "has {n:~token}: give 1 to {most}"),
}
