"""The command line's own errors and warnings (the store's and the config's have
their own areas)."""

WORDS = {
    "cli.needs_terminal": (
        "학습 화면은 터미널에서만 열립니다(stdin과 stdout이 터미널이 아닙니다). 파일이나 "
        "파이프로 출력하려면 `studytui stats`, `validate`, `demo`를 쓰세요",
        "the study screens need a terminal (stdin and stdout are not one); for output to a "
        "file or pipe use `studytui stats`, `validate` or `demo`"),
    "cli.force_needs_restore": ("--force는 --restore와 함께 씁니다(문제없는 저장소도 "
                                "되살리게 해 줍니다)",
                                "--force goes with --restore (it lets a sound store be "
                                "restored)"),
    "clock.zone": ("이 컴퓨터의 시간대가 UTC와 24시간 이상 차이 나서 쓸 수 없습니다. 학습일은 "
                   "UTC 기준으로 나눕니다",
                   "the local time zone is 24 hours or more from UTC, which cannot be used; "
                   "study days follow UTC"),
    "clock.zone_named": ("시간대(TZ={tz})가 UTC와 24시간 이상 차이 나서 쓸 수 없습니다. "
                         "학습일은 UTC 기준으로 나눕니다",
                         "the local time zone (TZ={tz}) is 24 hours or more from UTC, which "
                         "cannot be used; study days follow UTC"),
    "optimize.no_store_fit": ("{path}: 복습 저장소가 없습니다(맞출 기록이 없음)",
                              "{path}: no review store there (nothing to fit)"),
    "optimize.no_store_reschedule": ("{path}: 복습 저장소가 없습니다(다시 잡을 일정이 없음)",
                                     "{path}: no review store there (nothing to reschedule)"),
    "optimize.bad_retention": ("--retention {value}: {lo}부터 {hi}까지여야 합니다",
                               "--retention {value}: must be from {lo} to {hi}"),
    "optimize.malformed": ("{path}: 기록된 파라미터 맞춤이나 목표 기억률 변경이 잘못되었습니다"
                           "({reason}). `studytui optimize`를 다시 실행하세요",
                           "{path}: a recorded fit or retention change is malformed "
                           "({reason}); run `studytui optimize` again"),
    "optimize.out_of_bounds": ("{path}: 맞춘 파라미터가 FSRS 범위 안의 숫자 21개가 "
                               "아닙니다. `studytui optimize`를 다시 실행하세요",
                               "{path}: the fitted parameters are not 21 numbers within "
                               "FSRS's bounds; run `studytui optimize` again"),
    "serve.bad_port": ("--port {port}: 1부터 65535 사이의 포트를 지정하세요",
                       "--port {port}: give a port from 1 to 65535"),
    "serve.missing": ("serve에는 textual-serve가 필요합니다({reason}). "
                      "pip install textual-serve",
                      "serve needs textual-serve ({reason}); pip install textual-serve"),
    "serve.no_login": ("textual-serve에는 로그인이 없습니다. {host}:{port}에 접속할 수 있는 "
                       "사람은 누구나 여러분의 저장소로 공부하고, 카드를 평가하고, 설정을 바꿀 "
                       "수 있습니다",
                       "textual-serve has no login: anyone who can reach {host}:{port} can "
                       "study, rate cards and change settings in your store"),
    "serve.cannot_listen": ("--host {host} --port {port}: 그 주소에서 연결을 받을 수 "
                            "없습니다({reason})",
                            "--host {host} --port {port}: cannot listen there ({reason})"),
    "cli.empty_path": ("빈 경로입니다. 폴더나 파일을 지정하세요",
                       "an empty path; name a folder or file"),
    "cli.empty_store_path": ("빈 경로는 파일을 가리키지 않습니다. 복습 저장소 파일을 "
                             "지정하세요(예: --db ~/study.db)",
                             "an empty path names no file: give the review store's file, "
                             "e.g. --db ~/study.db"),
}
