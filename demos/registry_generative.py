"""The demos of lectures 6, 9 and 10: detection boxes, autoregressive
sampling, a GAN and a VAE. Kept apart from registry.py so each lecture's
entries can grow without touching the others; registry.py adds them to
DEMOS. No torch here, as in the registry.
"""

from __future__ import annotations

from typing import Any

from demos.params import DemoSpec, Param

SEED = Param("seed", "int", 0, "seed of the data and the initial weights", low=0,
             high=2**31 - 1)
DATASETS = ("ring", "grid", "moons")
GAN_LOSSES = ("non-saturating", "minimax")

def check_detection(values: dict[str, Any]) -> None:
    from demos.detection.boxes import check_detection as check

    check(values)

SPECS = (
    DemoSpec(
        name="detection",
        title_ko="탐지 박스: IoU, NMS, 앵커",
        title_en="Detection boxes: IoU, NMS, anchors",
        lecture=6,
        summary_en="IoU of two boxes, non-maximum suppression step by step, an RPN's anchors.",
        compute="demos.detection.compute:run",
        render="demos.detection.render:render",
        params=(
            Param("boxes", "str", None,
                  "boxes x1,y1,x2,y2[:score] separated by ';' on a 64x64 image "
                  "(default: a seeded scene)", high=400, nullable=True),
            SEED,
            Param("iou_threshold", "float", 0.5, "NMS drops boxes whose IoU with a kept one "
                  "is above this", low=0.0, high=1.0),
            Param("pair", "str", None, "the two boxes whose IoU is drawn, e.g. 1,2 "
                  "(default: the most overlapping pair)", high=10, nullable=True),
            Param("scales", "str", "8,16,32", "anchor sizes (square root of the area), "
                  "comma-separated", high=60),
            Param("ratios", "str", "0.5,1,2", "anchor aspect ratios height/width, "
                  "comma-separated", high=60),
        ),
        check=check_detection,
    ),
    DemoSpec(
        name="autoregressive",
        title_ko="자기회귀 모델: 결합 분포에서 NADE까지",
        title_en="Autoregressive models: from the joint to NADE",
        lecture=9,
        summary_en="Parameter counts and held-out NLL of four models of binary images; "
                   "NADE samples pixel by pixel.",
        compute="demos.autoregressive.compute:run",
        render="demos.autoregressive.render:render",
        params=(
            Param("size", "int", 4, "image side: n = size x size pixels", low=4, high=8),
            Param("hidden", "int", 16, "NADE's hidden units H", low=1, high=64),
            Param("epochs", "int", 200, "full-batch Adam steps training NADE", low=1,
                  high=3000),
            Param("lr", "float", 0.01, "NADE's learning rate", low=1e-5, high=1.0),
            Param("samples", "int", 4, "images sampled pixel by pixel", low=1, high=8),
            SEED,
        ),
    ),
    DemoSpec(
        name="gan",
        title_ko="GAN: 생성자와 판별자",
        title_en="GAN: generator and discriminator",
        lecture=10,
        summary_en="A generator and a discriminator trained live on 2-D data.",
        compute="demos.gan.compute:run",
        render="demos.gan.render:render",
        params=(
            Param("data", "choice", "ring", "the real data", options=DATASETS),
            Param("loss", "choice", "non-saturating", "the generator's loss",
                  options=GAN_LOSSES),
            Param("steps", "int", 1000, "generator steps", low=1, high=5000),
            Param("k", "int", 1, "discriminator steps per generator step", low=1, high=10),
            Param("lr", "float", 0.002, "Adam's learning rate for both", low=1e-5, high=0.1),
            Param("hidden", "int", 32, "hidden units of each network", low=4, high=128),
            SEED,
        ),
    ),
    DemoSpec(
        name="vae",
        title_ko="VAE: ELBO와 잠재 공간",
        title_en="VAE: the ELBO and the latent space",
        lecture=10,
        summary_en="A VAE with a 2-D latent on 2-D data: the ELBO's two terms, "
                   "the latent space, decoded samples.",
        compute="demos.vae.compute:run",
        render="demos.vae.render:render",
        params=(
            Param("data", "choice", "ring", "the data", options=DATASETS),
            Param("beta", "float", 1.0, "weight of the KL (prior-fitting) term", low=0.0,
                  high=10.0),
            Param("steps", "int", 1000, "Adam steps", low=1, high=5000),
            Param("lr", "float", 0.005, "Adam's learning rate", low=1e-5, high=0.1),
            Param("hidden", "int", 32, "hidden units of encoder and decoder", low=4, high=128),
            SEED,
        ),
    ),
)
