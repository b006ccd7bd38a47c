"""Words of the demos of lectures 6, 9 and 10: detection boxes, the
autoregressive models, the GAN and the VAE (help lines, labels, lessons)."""

WORDS = {
    # detection (lecture 6)
    "demos.detection.summary": ("두 박스의 IoU, 비최대 억제(NMS)의 단계, RPN 앵커를 봅니다.",
                                "IoU of two boxes, non-maximum suppression step by step, "
                                "an RPN's anchors."),
    "demos.detection.param.boxes": (
        "64x64 이미지 위의 박스 x1,y1,x2,y2[:점수], ';'로 구분 (기본: 시드로 만든 장면)",
        "boxes x1,y1,x2,y2[:score] separated by ';' on a 64x64 image "
        "(default: a seeded scene)"),
    "demos.detection.param.seed": ("장면을 만드는 시드", "seed of the scene"),
    "demos.detection.param.iou_threshold": ("남긴 박스와의 IoU가 이 값보다 크면 NMS가 지움",
                                            "NMS drops boxes whose IoU with a kept one is "
                                            "above this"),
    "demos.detection.param.pair": ("IoU를 그릴 두 박스 번호, 예: 1,2 (기본: 가장 많이 겹치는 쌍)",
                                   "the two boxes whose IoU is drawn, e.g. 1,2 "
                                   "(default: the most overlapping pair)"),
    "demos.detection.param.scales": ("앵커 크기 (넓이의 제곱근), 쉼표로 구분",
                                     "anchor sizes (square root of the area), comma-separated"),
    "demos.detection.param.ratios": ("앵커 종횡비 (높이/너비), 쉼표로 구분",
                                     "anchor aspect ratios height/width, comma-separated"),
    "demos.detection.title": ("탐지 박스: IoU, NMS, 앵커", "Detection boxes: IoU, NMS, anchors"),
    "demos.detection.shaded": ("(그림: 교집합은 밝게, 합집합은 어둡게)",
                               "(drawn: the intersection bright, the union dim)"),
    "demos.detection.nms_rule": (
        "NMS: 점수 순으로 정렬하고, 가장 높은 박스를 남긴 뒤, "
        "그 박스와 IoU > {t}인 박스를 지우기를 반복",
        "NMS: sort by score, keep the best, drop the boxes with IoU > {t} to it, repeat"),
    "demos.detection.keep": ("박스 {box} 남김 (점수 {score})", "keep box {box} (score {score})"),
    "demos.detection.drop": ("지움: {boxes}", "drop {boxes}"),
    "demos.detection.kept": ("남은 박스: {boxes} ({total}개 중 {n}개)",
                             "kept: {boxes} ({n} of {total})"),
    "demos.detection.anchors": (
        "오른쪽: 한 위치의 RPN 앵커 k = 크기 {s}개 × 비율 {r}개 = {k}개 "
        "(크기 {scales}; 비율 {ratios}; 너비 = s/√r, 높이 = s·√r)",
        "right: an RPN's anchors at one location, k = {s} scales × {r} ratios = {k} "
        "(scales {scales}; ratios {ratios}; width = s/√r, height = s·√r)"),
    "demos.detection.legend": ("실선: 남은 박스, 점선: 지운 박스, 숫자: 박스 번호",
                               "solid: kept, dotted: suppressed, digit: the box's number"),
}
WORDS.update({
    # autoregressive (lecture 9)
    "demos.autoregressive.summary": (
        "이진 이미지의 네 가지 모델: 파라미터 수와 새 데이터의 NLL, "
        "그리고 NADE가 픽셀을 하나씩 샘플링합니다.",
        "Parameter counts and held-out NLL of four models of binary images; "
        "NADE samples pixel by pixel."),
    "demos.autoregressive.param.size": ("이미지 한 변: n = size × size 픽셀",
                                        "image side: n = size x size pixels"),
    "demos.autoregressive.param.hidden": ("NADE의 은닉 유닛 수 H", "NADE's hidden units H"),
    "demos.autoregressive.param.epochs": ("NADE를 학습하는 전체 배치 Adam 단계 수",
                                          "full-batch Adam steps training NADE"),
    "demos.autoregressive.param.lr": ("NADE의 학습률", "NADE's learning rate"),
    "demos.autoregressive.param.samples": ("픽셀 단위로 샘플링할 이미지 수",
                                           "images sampled pixel by pixel"),
    "demos.autoregressive.param.seed": ("데이터 분할, 초기 가중치, 샘플링의 시드",
                                        "seed of the split, the initial weights and sampling"),
    "demos.autoregressive.title": ("자기회귀 모델", "Autoregressive models"),
    "demos.autoregressive.setup": (
        "{size}x{size} 이진 이미지 (n = {n}), 학습용 {train}개, 평가용 {test}개 (학습에 쓰지 않음)",
        "{size}x{size} binary images (n = {n}), {train} for training, {test} held out"),
    "demos.autoregressive.table": ("모델별 파라미터 수와 음의 로그 가능도 (이미지당 nats)",
                                   "parameters and negative log-likelihood (nats per image)"),
    "demos.autoregressive.model": ("모델", "model"),
    "demos.autoregressive.formula": ("공식", "formula"),
    "demos.autoregressive.params": ("파라미터", "params"),
    "demos.autoregressive.nll_train": ("NLL 학습", "NLL train"),
    "demos.autoregressive.nll_test": ("NLL 평가용", "NLL held-out"),
    "demos.autoregressive.name.joint": ("결합 분포 (표)", "full joint (table)"),
    "demos.autoregressive.name.independent": ("독립 픽셀", "independent pixels"),
    "demos.autoregressive.name.markov": ("마르코프 연쇄", "Markov chain"),
    "demos.autoregressive.name.nade": ("NADE", "NADE"),
    "demos.autoregressive.no_table": (
        "결합 분포는 n = {n}이면 파라미터가 {p}개라 표로 만들 수 없습니다.",
        "The full joint needs {p} parameters at n = {n}: no table could hold it."),
    "demos.autoregressive.joint_lesson": (
        "결합 분포 표는 학습 이미지를 외웁니다. 스무딩이 없으면 학습 NLL은 log N = {log_n}이고 "
        "새 이미지는 확률 0 (NLL ∞)입니다. 더하기-1 스무딩을 해도 확률이 {cells}칸에 "
        "흩어져 학습 이미지 {train}, 새 이미지 {test}입니다.",
        "The joint's table memorises its training images: unsmoothed, their NLL is "
        "log N = {log_n} and every new image has probability 0 (NLL ∞); add-one smoothing "
        "spreads the mass over {cells} cells: {train} on training, {test} on new images."),
    "demos.autoregressive.nade_lesson": (
        "NADE는 파라미터 {p}개로 새 이미지에서 가장 낮은 NLL {test}: 일반화합니다.",
        "NADE generalises: the lowest held-out NLL, {test}, with {p} parameters."),
    "demos.autoregressive.sample": ("샘플 {k}", "sample {k}"),
    "demos.autoregressive.sampling": (
        "샘플링: 래스터 순서로 픽셀을 하나씩 뽑습니다. 오른쪽 숫자는 뽑을 때의 p(xᵢ=1 | x<ᵢ) (%)",
        "sampling: one pixel at a time in raster order; right: p(xᵢ=1 | x<ᵢ) in % when drawn"),
    "demos.autoregressive.curve_train": ("NADE 학습 NLL", "NADE NLL, training"),
    "demos.autoregressive.curve_test": ("NADE 평가용 NLL", "NADE NLL, held-out"),
    "demos.autoregressive.curve_note": ("에포크 {epoch}/{epochs}", "epoch {epoch}/{epochs}"),
})
WORDS.update({
    # gan (lecture 10)
    "demos.gan.summary": ("2차원 데이터에서 생성자와 판별자를 실시간으로 학습합니다.",
                          "A generator and a discriminator trained live on 2-D data."),
    "demos.gan.param.data": ("실제 데이터", "the real data"),
    "demos.gan.param.loss": ("생성자의 손실", "the generator's loss"),
    "demos.gan.param.steps": ("생성자 단계 수", "generator steps"),
    "demos.gan.param.k": ("생성자 한 단계마다의 판별자 단계 수",
                          "discriminator steps per generator step"),
    "demos.gan.param.lr": ("두 네트워크의 Adam 학습률", "Adam's learning rate for both"),
    "demos.gan.param.hidden": ("각 네트워크의 은닉 유닛 수", "hidden units of each network"),
    "demos.gan.param.seed": ("데이터와 초기 가중치의 시드",
                             "seed of the data and the initial weights"),
    "demos.gan.title": ("GAN: 생성자와 판별자", "GAN: generator and discriminator"),
    "demos.gan.setup": ("{data} · 손실 {loss} · k={k} · lr={lr} · 단계 {step}/{steps}",
                        "{data} · loss {loss} · k={k} · lr={lr} · step {step}/{steps}"),
    "demos.gan.real": ("실제", "real"),
    "demos.gan.fake": ("생성", "generated"),
    "demos.gan.status": ("D(x): 실제 {real}, 생성 {fake} · D 손실 {d} · G 손실 {g}",
                         "D(x): real {real}, generated {fake} · D loss {d} · G loss {g}"),
    "demos.gan.coverage": ("생성한 점이 덮는 모드: {all}개 중 {got}개",
                           "modes the generated points cover: {got} of {all}"),
    "demos.gan.collapse": (
        "모드 붕괴: 생성자가 모드 {all}개 중 {got}개만 만듭니다. "
        "판별자를 속이기 쉬운 곳에 몰렸습니다.",
        "Mode collapse: the generator makes only {got} of the {all} modes, where it fools "
        "the discriminator most easily."),
    "demos.gan.half": (
        "D(x) → 1/2: 실제 {real}, 생성 {fake}. 판별자가 더는 구별하지 못합니다 "
        "(p_G = p_data이면 최적 판별자 D* = p_data / (p_data + p_G) = 1/2).",
        "D(x) → 1/2: real {real}, generated {fake}. The discriminator can no longer tell "
        "(when p_G = p_data, the optimal D* = p_data / (p_data + p_G) = 1/2)."),
    "demos.gan.slopes": (
        "학습 초반 D(G(z)) = {fake}까지 내려갔을 때 기울기 |∂/∂D|는 "
        "미니맥스 log(1 − D)가 1/(1 − D) = {minimax}, "
        "비포화 −log D가 1/D = {ns}로 {ratio}배입니다. D(G(z)) → 0이면 미니맥스는 1에 머물러 "
        "생성자가 거의 배우지 못하지만, 비포화 손실은 끝없이 커져 더 빨리 출발합니다.",
        "Early on D(G(z)) fell to {fake}: there the slope |∂/∂D| of the minimax log(1 − D) is "
        "1/(1 − D) = {minimax}, of the non-saturating −log D it is 1/D = {ns}, {ratio} times "
        "more. As D(G(z)) → 0 the minimax slope stays near 1 and G barely learns, while the "
        "non-saturating one grows without bound: it starts faster."),
})
WORDS.update({
    # vae (lecture 10)
    "demos.vae.summary": (
        "2차원 잠재 공간을 가진 VAE: ELBO의 두 항, 잠재 공간, "
        "잠재 격자에서 디코딩한 샘플을 봅니다.",
        "A VAE with a 2-D latent on 2-D data: the ELBO's two terms, the latent space, "
        "decoded samples."),
    "demos.vae.param.data": ("데이터", "the data"),
    "demos.vae.param.beta": ("KL 항(사전 분포 맞춤 항)의 가중치 β",
                             "weight β of the KL (prior-fitting) term"),
    "demos.vae.param.steps": ("Adam 단계 수", "Adam steps"),
    "demos.vae.param.lr": ("Adam 학습률", "Adam's learning rate"),
    "demos.vae.param.hidden": ("인코더와 디코더의 은닉 유닛 수",
                               "hidden units of encoder and decoder"),
    "demos.vae.param.seed": ("데이터, 초기 가중치, 잡음 ε의 시드",
                             "seed of the data, the initial weights and the noise ε"),
    "demos.vae.title": ("VAE: ELBO와 잠재 공간", "VAE: the ELBO and the latent space"),
    "demos.vae.setup": ("{data} · β={beta} · lr={lr} · 단계 {step}/{steps}",
                        "{data} · β={beta} · lr={lr} · step {step}/{steps}"),
    "demos.vae.data": ("데이터 (왼쪽)", "data (left)"),
    "demos.vae.decoded": ("격자 잠재점 z를 디코딩한 x̂ (왼쪽)",
                          "x̂ decoded from a grid of latent points z (left)"),
    "demos.vae.latent": ("인코더 평균 μ(x) (오른쪽)", "encoder means μ(x) (right)"),
    "demos.vae.prior": ("사전 분포 N(0, I)의 1σ, 2σ", "prior N(0, I) at 1σ and 2σ"),
    "demos.vae.recon": ("재구성 −log p(x|z)", "recon −log p(x|z)"),
    "demos.vae.elbo_line": (
        "단계 {step}: ELBO = −(재구성 + KL) = −({recon} + {kl}) = {elbo}",
        "step {step}: ELBO = −(recon + KL) = −({recon} + {kl}) = {elbo}"),
    "demos.vae.loss_line": ("손실 = 재구성 + β·KL = {recon} + {beta}·{kl} = {loss}",
                            "loss = recon + β·KL = {recon} + {beta}·{kl} = {loss}"),
    "demos.vae.no_prior": (
        "β = 0: 사전 분포 맞춤 항이 없어 KL = {kl}로 커지고, 잠재점이 N(0, I)를 벗어나 "
        "격자 샘플이 데이터를 덮지 못합니다. 평범한 오토인코더와 같습니다.",
        "β = 0: nothing pulls q(z|x) to the prior, the KL grows to {kl}, the latent points "
        "leave N(0, I), and samples from the prior miss the data: a plain autoencoder."),
    "demos.vae.collapse": (
        "β = {beta}: KL = {kl}로 거의 0. "
        "잠재 변수가 x에 대해 아무것도 말하지 않는 사후 분포 붕괴로, "
        "디코더는 평균 하나만 냅니다.",
        "β = {beta}: the KL is {kl}, almost 0: posterior collapse, the latent says nothing "
        "about x and the decoder gives one mean."),
})
