"""Words of the export, import and init commands."""

WORDS = {
    "transfer.exported_anki": (
        "노트 {count}개를 {path}에 내보냈습니다. Anki에서 '파일 > 가져오기'로 여세요. "
        "다시 내보내 가져오면 같은 노트가 갱신됩니다.",
        "Exported {count} notes to {path}. Open it in Anki with File > Import; "
        "importing a later export updates the same notes."),
    "transfer.exported_reviews": (
        "복습 기록 {count}건을 {path}에 내보냈습니다 (fsrs-optimizer 형식).",
        "Exported {count:~review} to {path} (fsrs-optimizer columns)."),
    "transfer.imported": (
        "{source}에서 강의 {lectures}개, 카드 {cards}장을 {deck}에 가져왔습니다. "
        "공부하려면: studytui --content {deck}",
        "Imported {lectures:~lecture}, {cards:~card} from {source} into {deck}. "
        "Study them with: studytui --content {deck}"),
    "transfer.removed": (
        "원본에서 사라진 강의 파일을 지웠습니다: {files}",
        "Removed lecture files whose lecture is gone from the source: {files}"),
    "transfer.skipped": (
        "주의: 글자 없이 그림이나 소리만 있는 노트 {count}개는 건너뛰었습니다: {notes}",
        "warning: skipped {count} notes with no text (a picture or a sound only): {notes}"),
    "transfer.created": (
        "새 덱을 {deck}에 만들었습니다 (예시 강의 {example}). "
        "공부하려면: studytui --content {deck}",
        "Made a new deck in {deck} (example lecture {example}). "
        "Study it with: studytui --content {deck}"),
    "transfer.summary": (
        "{source}에서 가져온 카드.",
        "Cards imported from {source}."),
    "transfer.out_suffix": (
        "--out {path}: 파일 이름은 {suffix}로 끝나야 합니다",
        "--out {path}: the file name must end in {suffix}"),
    "transfer.out_folder": (
        "--out {path}: {folder} 폴더가 없습니다",
        "--out {path}: there is no folder {folder}"),
    "transfer.no_store": (
        "{path}: 복습 기록 저장소가 없습니다 (아직 복습한 적이 없거나 --db 경로가 다릅니다)",
        "{path}: no review store here (nothing reviewed yet, or another --db path)"),
    "transfer.bundled": (
        "--deck {path}: 기본 강의 폴더에는 가져올 수 없습니다; 다른 폴더를 주세요",
        "--deck {path}: cannot import into the bundled course; give another folder"),
    "transfer.lecture": (
        "--lecture {number}: 그런 강의가 없습니다 (강의: {numbers})",
        "--lecture {number}: no such lecture (lectures: {numbers})"),
}
