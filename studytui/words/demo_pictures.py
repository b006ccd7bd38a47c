"""Words of the demo pictures: the drawing layer, the race, the attention
walk-through and the parameter counter (issue 19)."""

WORDS = {
    "demo_pictures.too_small": (
        "{title}: 그림을 그리려면 적어도 {need_w}x{need_h} 칸이 필요합니다 (지금 {have_w}x{have_h}).",
        "{title}: the picture needs at least {need_w}x{need_h} cells (this pane is "
        "{have_w}x{have_h}).",
    ),
}
WORDS.update({
    "demo_pictures.race.step": ("단계 {step}/{steps}", "step {step}/{steps}"),
    "demo_pictures.race.log_loss": ("색 = 손실 (로그 눈금)", "colour = loss (log scale)"),
    "demo_pictures.race.contours": (". = 손실의 등고선 (로그 눈금)", ". = loss contours (log scale)"),
})
