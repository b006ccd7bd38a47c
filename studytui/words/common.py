"""Words every screen and command shares."""

WORDS = {
    "common.yes": ("예", "Yes"),
    "common.no": ("아니요", "No"),
    "common.cancel": ("취소", "Cancel"),
    "common.back": ("뒤로", "Back"),
    "common.quit": ("종료", "Quit"),
    "common.lecture": ("강의", "Lecture"),
    "common.total": ("합계", "Total"),
}
