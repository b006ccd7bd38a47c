"""`studytui doctor`: the store's check-up and its restore from a backup."""

WORDS = {
    "doctor.no_store": ("{path}에 복습 저장소가 없습니다. 검사할 것이 없습니다(아무것도 "
                        "만들지 않았습니다)",
                        "no review store at {path}: nothing to check (nothing was created)"),
    "doctor.no_backup": ("{folder}에서 {path}의 온전한 백업을 찾지 못했습니다. 아무것도 "
                         "바뀌지 않았습니다",
                         "no good backup of {path} found in {folder}: nothing was changed"),
    "doctor.in_use": ("studytui가 {path}를 열어 두고 있습니다(앱 실행 중). 앱을 닫은 뒤 "
                      "`studytui doctor --restore`를 다시 실행하세요. 아무것도 바뀌지 "
                      "않았습니다",
                      "studytui has {path} open (the app is running): close it, then run "
                      "`studytui doctor --restore` again; nothing was changed"),
    "doctor.sound": ("복습 저장소에 문제가 없습니다({path}). 되살릴 것이 없습니다. 그래도 "
                     "최근 백업으로 돌아가려면 --force를 붙이세요(지금 파일은 따로 남겨 "
                     "둡니다)",
                     "the review store {path} is sound: nothing to restore. To go back to "
                     "the latest backup anyway, add --force (the current file is kept)"),
    "doctor.integrity_failed": ("무결성 검사 실패({path}):", "integrity check of {path} failed:"),
    "doctor.integrity_ok": ("무결성 검사 통과({path})", "integrity check of {path}: ok"),
    "doctor.events": ("이벤트: {counts}", "events: {counts}"),
    "doctor.no_events": ("이벤트: 아직 없음", "events: none yet"),
    "doctor.rebuilt_matched": ("이벤트로부터 카드 상태를 다시 만들었습니다: 카드 {n}장"
                               "(모두 일치)",
                               "card states rebuilt from the events: {n:~card} (all matched)"),
    "doctor.rebuilt_fixed": ("이벤트로부터 카드 상태를 다시 만들었습니다: 카드 {n}장"
                             "({changed}장이 달라서 바로잡았습니다)",
                             "card states rebuilt from the events: {n:~card} ({changed} "
                             "differed and were fixed)"),
    "doctor.backups": ("백업: {folder}에 {n}개, 최신은 {latest}",
                       "backups: {n} in {folder}, latest {latest}"),
    "doctor.no_backups_yet": ("백업: 아직 없음(앱을 연 날마다 {folder}에 하나씩 "
                              "만듭니다)",
                              "backups: none yet (one is made each day the app opens, "
                              "in {folder})"),
    "doctor.and_more": ("{names} 외 {n}장", "{names} and {n} more"),
    "doctor.orphans": ("덱에 더 이상 없는 {cards}의 {reviews}({names}): "
                       "기록은 지우지 않고 통계에 포함합니다",
                       "orphaned: {reviews} of {cards} no longer in the deck ({names}); "
                       "they are kept and counted in stats"),
    "doctor.review": ("복습 {n}회", "{n} review"),
    "doctor.reviews": ("복습 {n}회", "{n} reviews"),
    "doctor.card": ("카드 {n}장", "{n} card"),
    "doctor.cards": ("카드 {n}장", "{n} cards"),
    "doctor.advise_restore": ("`studytui doctor --restore`로 최근의 온전한 백업"
                              "(최신: {newest})을 되살리세요. 손상된 파일은 옆에 남겨 둡니다",
                              "run `studytui doctor --restore` to bring back the latest good "
                              "backup (newest: {newest}); the damaged file is kept beside it"),
    "doctor.advise_move": ("{folder}에 백업이 없습니다. {name}을(를) 다른 곳으로 옮기고 "
                           "새로 시작하세요",
                           "no backups in {folder}: move {name} away to start afresh"),
    "doctor.deck_not_loaded": ("덱을 불러오지 못해 덱에 없는 카드의 복습은 확인하지 "
                               "않았습니다({reason})",
                               "orphaned reviews not checked: the deck did not load ({reason})"),
    "backup.cannot_open": ("열 수 없음: {reason}", "cannot open: {reason}"),
    "backup.not_ours": ("studytui 저장소가 아닙니다(event, review_log 테이블이 없음)",
                        "not a studytui store (no event or review_log table)"),
    "backup.unreadable": ("읽을 수 없음: {reason}", "unreadable: {reason}"),
    "backup.skipped": ("백업 {name}은(는) 건너뛰었습니다: {why}", "skipped backup {name}: {why}"),
    "backup.kept": ("바꾸기 전 저장소를 {path}(으)로 남겨 두었습니다",
                    "kept the replaced store as {path}"),
    "backup.restored": ("백업 {name}에서 {path}를 되살렸습니다",
                        "restored {path} from backup {name}"),
    "backup.none_good": ("{folder}에서 {path}의 온전한 백업을 찾지 못했습니다",
                         "no good backup of {path} found in {folder}"),
    "backup.folder_is_file": ("{folder}: 폴더가 아니라 파일입니다. 백업을 둘 수 있도록 다른 "
                              "곳으로 옮기세요(그동안에도 공부는 계속할 수 있습니다)",
                              "{folder} is a file, not a folder: move it away so backups can "
                              "be kept there (studying goes on meanwhile)"),
    "backup.folder_read_only": ("백업 폴더가 읽기 전용입니다({folder}). 권한을 고치세요"
                                "(그동안에도 공부는 계속할 수 있습니다)",
                                "the backups folder {folder} is read-only: fix its permissions "
                                "(studying goes on meanwhile)"),
    "backup.not_made": ("오늘의 백업을 만들지 못했습니다: {why}",
                        "today's backup was not made: {why}"),
}
