"""Words of `studytui sync OTHER`: what it did, and why it refused."""

WORDS = {
    # what it did
    "sync.created": ("{path}에 저장소가 없어 새로 만들었습니다.",
                     "There was no store at {path}: a new one was made there."),
    "sync.received": ("받은 기록 {count} ({path} → 이 저장소): {kinds}",
                      "Received {count} ({path} -> this store): {kinds}"),
    "sync.sent": ("보낸 기록 {count} (이 저장소 → {path}): {kinds}",
                  "Sent {count} (this store -> {path}): {kinds}"),
    "sync.events": ("{n}건", "{n:~event}"),
    "sync.event": ("1건", "1 event"),
    "sync.received_none": ("받은 기록 없음: {path}의 기록은 이미 모두 이 저장소에 있습니다.",
                           "Received nothing: this store already had every event of {path}."),
    "sync.sent_none": ("보낸 기록 없음: 이 저장소의 기록은 이미 모두 {path}에 있습니다.",
                       "Sent nothing: {path} already had every event of this store."),
    "sync.count": ("{kind} {n}건", "{kind} ×{n}"),
    "sync.changed_here": ("상태가 바뀐 카드 (이 저장소): {n}장 — {names}",
                          "Cards whose state changed here: {n} — {names}"),
    "sync.changed_there": ("상태가 바뀐 카드 ({path}): {n}장 — {names}",
                           "Cards whose state changed in {path}: {n} — {names}"),
    "sync.unchanged": ("상태가 바뀐 카드는 없습니다.", "No card's state changed."),
    "sync.more": ("외 {n}장", "and {n} more"),
    "sync.checked_full": ("{path}의 손상 여부를 전체 검사했습니다(integrity_check).",
                          "{path} was checked fully for damage (integrity_check)."),
    "sync.checked_quick": (
        "{path}의 손상 여부를 빠르게 검사했습니다(quick check). 전체 검사는 처음 동기화할 "
        "때, 파일이 바뀌었을 때, 그리고 일주일에 한 번 합니다(지금 하려면 --full-check).",
        "{path} got the quick check for damage; it is checked fully on a first sync, after "
        "the file was replaced, and weekly (now: --full-check)."),
    "sync.same_now": ("두 저장소의 기록이 이제 같습니다: 모두 {count}.",
                      "Both stores now hold the same {count}."),
    # event kinds, as the learner knows them (a kind without an entry shows its name)
    "sync.kind.review": ("복습", "review"),
    "sync.kind.undo": ("되돌리기", "undo"),
    "sync.kind.quiz": ("퀴즈 답", "quiz answer"),
    "sync.kind.fit": ("매개변수 맞춤", "parameter fit"),
    "sync.kind.retention": ("목표 기억률 변경", "retention change"),
    "sync.kind.reschedule": ("예정일 조정", "due date moved"),
    "sync.kind.suspend": ("일시 중지", "suspend"),
    "sync.kind.bury": ("내일로 미루기", "bury"),
    "sync.kind.flag": ("플래그", "flag"),
    "sync.kind.practice": ("연습", "practice"),
    "sync.kind.dispute": ("채점 이의", "dispute"),
    "sync.kind.notebook": ("오답 노트", "notebook entry"),
    "sync.kind.exam": ("시험", "exam"),
    # why it refused (nothing was changed in either store)
    "sync.damaged": (
        "{path}은(는) 손상되었거나 아직 다 복사되지 않은 파일입니다 ({why}). "
        "동기화하지 않았고 두 저장소 모두 그대로입니다. 복사가 끝난 뒤 다시 실행하세요.",
        "{path} is damaged or not yet fully copied ({why}): nothing was synced and neither "
        "store was changed. Try again once the copy is complete."),
    "sync.no_room": (
        "{path}의 사본을 {folder}에 만들 공간이 없습니다 ({why}). 동기화하지 않았고 두 "
        "저장소 모두 그대로입니다. 공간을 비우거나 TMPDIR을 여유 있는 폴더로 정한 뒤 다시 "
        "실행하세요.",
        "There is no room in {folder} for the copy of {path} a sync reads ({why}): nothing "
        "was synced and neither store was changed. Free some space, or set TMPDIR to a "
        "folder with room, and try again."),
    "sync.busy": (
        "{path}을(를) 다른 프로그램이 잠그고 있습니다. 손상된 것은 아니니 잠시 뒤 다시 "
        "실행하세요 (아무것도 바꾸지 않았습니다).",
        "{path} is locked by another program: it is not damaged; try again in a moment "
        "(nothing was changed)."),
    "sync.restoring": (
        "{path}을(를) `studytui doctor --restore`가 복원하는 중입니다. 끝난 뒤 다시 "
        "실행하세요 (아무것도 바꾸지 않았습니다).",
        "{path} is being restored by `studytui doctor --restore`; try again when it is done "
        "(nothing was changed)."),
    "sync.newer": (
        "{path}은(는) 더 새로운 studytui가 만든 저장소입니다 (스키마 v{version}, 이 "
        "studytui는 v{ours}까지 읽음). studytui를 업데이트한 뒤 동기화하세요.",
        "{path} was written by a newer studytui (schema v{version}; this one reads up to "
        "v{ours}): upgrade studytui, then sync."),
    "sync.older": (
        "{path}은(는) 예전 studytui의 저장소라 기록을 합칠 수 없습니다. 먼저 "
        "`studytui --db {path} doctor`로 한 번 열어 새 형식으로 바꾼 뒤 동기화하세요.",
        "{path} is a store of an older studytui, whose records cannot be merged yet: open it "
        "once with `studytui --db {path} doctor` to bring it up to date, then sync."),
    "sync.not_store": (
        "{path}은(는) SQLite 파일이지만 studytui 저장소가 아닙니다 (바꾸지 않았습니다).",
        "{path} is a SQLite database but not a studytui store (it was not changed)."),
    "sync.folder": (
        "{path}은(는) 폴더입니다. 그 안의 저장소 파일을 지정하세요 (예: {path}/reviews.db).",
        "{path} is a folder: name the store file in it (e.g. {path}/reviews.db)."),
    "sync.same_store": ("{path}은(는) 지금 쓰는 저장소 자체입니다. 다른 저장소를 지정하세요.",
                        "{path} is this very store: name another store to sync with."),
    "sync.bad_event": (
        "다시 계산할 수 없는 기록이 있어 동기화를 멈췄습니다 ({why}). 쓰던 저장소는 "
        "바뀌지 않았습니다. 두 저장소에 `studytui doctor`를 실행해 보세요.",
        "Sync stopped at an event the replay cannot read ({why}); the store being written "
        "was not changed. Run `studytui doctor` on both stores."),
}
