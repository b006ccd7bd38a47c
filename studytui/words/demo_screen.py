"""The demo screen around a demo's picture: its form, run button and errors."""

WORDS = {
    "demo.run": ("실행", "Run"),
    "demo.failed": ("데모를 실행하지 못했습니다", "The demo failed"),
    "demo.fix_and_rerun": ("매개변수를 고치고 {key} 키로 다시 실행하세요.",
                           "Change the parameters and press {key} to run again."),
    "demo.none": ("(없음)", "(none)"),
}
