"""What can go wrong with the review store, said so the learner knows what to do.
Every message says that nothing saved was lost where that is true: a learner's
first fear is the history."""

WORDS = {
    "store.unreadable": ("읽을 수 없습니다({reason})", "cannot read it ({reason})"),
    "store.empty": ("비어 있습니다(0바이트)", "it is empty (0 bytes)"),
    "store.not_sqlite": ("SQLite 데이터베이스가 아닙니다", "it is not a SQLite database"),
    "store.truncated": ("잘려 있습니다({expected}바이트 중 {size}바이트)",
                        "it is truncated ({size} of {expected} bytes)"),
    "store.is_folder": (
        "복습 저장소 경로 '{path}'는 파일이 아니라 폴더입니다. 그 안의 파일을 지정하세요"
        "(예: --db {example})",
        "the review store path '{path}' is a folder, not a file: give a file in it, "
        "e.g. --db {example}"),
    "store.blocked": (
        "복습 저장소를 둘 수 없습니다({path}). {blocker} 자리에 폴더가 아닌 파일이 있습니다. "
        "--db PATH로 다른 위치를 고르세요",
        "cannot keep the review store at {path}: {blocker} is a file, not a folder; "
        "choose another place with --db PATH"),
    "store.wal_missing": (
        "복습 저장소({path})의 최근 복습을 담은 로그 파일이 없습니다: {wal}. 저장소 자체는 "
        "손상되지 않았습니다. 그 파일을 옮기거나 지웠다면 저장소 옆에 되돌려 놓고 다시 "
        "시작하세요. 그렇지 않으면 `studytui doctor --restore`로 최근 백업을 되살리세요"
        "(아무것도 바뀌지 않았습니다)",
        "the review store {path} is missing its write-ahead log {wal}, which holds its "
        "latest reviews: the store itself is not damaged. If you moved or deleted {wal}, "
        "put it back beside the store and start again; otherwise run "
        "`studytui doctor --restore` for the latest backup (nothing was changed)"),
    "store.damaged": (
        "복습 저장소가 손상되었습니다({path}): {why}. `studytui doctor --restore`로 최근 "
        "백업을 되살리거나, 파일을 다른 곳으로 옮기고 새로 시작하세요(파일은 바뀌지 "
        "않았습니다)",
        "the review store {path} is damaged: {why}. Run `studytui doctor --restore` to bring "
        "back the latest backup, or move the file away to start afresh (it was not changed)"),
    "store.locked": (
        "다른 프로그램(다른 studytui나 sqlite3 같은 도구)이 복습 저장소를 {seconds}초 동안 "
        "잠그고 있었습니다({path}). 손상된 것은 아닙니다. 그 프로그램을 닫거나 잠시 뒤 다시 "
        "시도하세요",
        "the review store {path} stayed locked by another program for {seconds} s "
        "(another studytui, or a tool such as sqlite3): it is not damaged; close that "
        "program or try again in a moment"),
    "store.disk_full": (
        "저장할 수 없습니다({path}). 디스크가 가득 찼습니다. 공간을 비운 뒤 다시 시도하세요"
        "(이전에 저장한 내용은 모두 남아 있습니다)",
        "cannot save to {path}: the disk is full. Free some space and try again "
        "(everything saved before is kept)"),
    "store.read_only": (
        "복습 저장소에 쓸 수 없습니다({path}). 파일이나 폴더가 읽기 전용입니다. 권한을 "
        "고치거나 --db PATH로 다른 저장소를 고르세요",
        "cannot write the review store {path}: it or its folder is read-only. Fix the "
        "permissions or choose another store with --db PATH"),
    "store.cannot_open": (
        "복습 저장소를 열 수 없습니다({path}). 폴더가 있는지, 쓸 수 있는지 확인하거나 "
        "--db PATH로 다른 저장소를 고르세요",
        "cannot open the review store {path}: check that its folder exists and is "
        "writable, or choose another store with --db PATH"),
    "store.disk_io": (
        "저장할 수 없습니다({path}). 디스크 입출력 오류입니다(디스크가 가득 찼거나 "
        "고장 났나요?). 공간을 비우거나 디스크를 점검한 뒤 다시 시도하세요(이전에 저장한 "
        "내용은 모두 남아 있습니다)",
        "cannot save to {path}: disk I/O error (full or failing disk?). Free space or "
        "check the disk, then try again (everything saved before is kept)"),
    "store.other": ("복습 저장소 {path}: {reason}", "review store {path}: {reason}"),
    "store.restoring": (
        "`studytui doctor --restore`가 복습 저장소를 되살리는 중입니다({path}). 잠시 뒤 다시 "
        "시도하세요",
        "the review store {path} is being restored by `studytui doctor --restore`; "
        "try again in a moment"),
    "store.no_wal": (
        "WAL 모드를 쓸 수 없습니다({path}, {mode}). 네트워크 드라이브인가요? --db PATH로 "
        "다른 위치를 고르세요",
        "cannot use WAL mode for {path} (got {mode}); is it on a network drive? choose "
        "another place with --db PATH"),
    "store.newer": (
        "복습 저장소({path})의 스키마는 v{version}으로, 이 studytui가 아는 것(v{known})보다 "
        "새롭습니다. studytui를 업데이트하세요",
        "the review store {path} has schema v{version}, newer than this studytui knows "
        "(v{known}): upgrade studytui"),
    "store.foreign": (
        "{path}: SQLite 데이터베이스지만 studytui 저장소가 아닙니다. --db PATH로 다른 "
        "파일을 고르세요(파일은 바뀌지 않았습니다)",
        "{path} is a SQLite database but not a studytui store; choose another file with "
        "--db PATH (it was not changed)"),
}
