"""Problems with the files of a deck that are not in a lecture's text: reading a
file, the deck's id, making or importing into a deck folder."""

WORDS = {
    "content.cannot_read": ("{path}: 읽을 수 없습니다: {reason}", "{path}: cannot read: {reason}"),
    "content.deck_id_not_utf8": ("{path}:1:1: UTF-8 텍스트가 아닙니다",
                                 "{path}:1:1: not UTF-8 text"),
    "content.no_deck_id": ('{path}:1:1: 덱 id가 없습니다. id = "deck-1a2b3c4d" 같은 줄이 '
                           '필요합니다(영문 소문자, 숫자, 하이픈)',
                           '{path}:1:1: no deck id: the file needs a line such as '
                           'id = "deck-1a2b3c4d" (lowercase letters, digits, hyphens)'),
    "content.not_a_folder": ("{path}: 이미 있고 폴더가 아닙니다",
                             "{path}: exists and is not a folder"),
    "content.folder_not_empty": ("{path}: 폴더가 비어 있지 않습니다. 비어 있거나 새 폴더를 "
                                 "지정하거나, 예제를 그 안에 더하려면 --force를 붙이세요",
                                 "{path}: the folder is not empty; give an empty or new folder, "
                                 "or --force to add the example to it"),
    "content.cannot_import": ("{path}: '{suffix}' 파일은 가져올 수 없습니다. {suffixes} 파일을 "
                              "지정하세요",
                              "{path}: cannot import a '{suffix}' file; give a {suffixes} "
                              "file"),
    "content.not_ours": ("{path}: 이미 있는 파일이고 {source}에서 가져온 것이 아닙니다. 다른 "
                         "곳으로 옮기거나 다른 폴더로 가져오세요",
                         "{path}: already there and not written by an import of {source}; "
                         "move it away or import into another folder"),
}
