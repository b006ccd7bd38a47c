"""The built-in architectures, written here in plain torch (no torchvision).

Each mirrors torchvision's module layout closely enough that its parameter
count equals torchvision's published one (tests check every total). Weights
are never initialised to anything useful: the demo builds them on the `meta`
device, where a tensor has a shape and no storage.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import torch
from torch import nn


def _named(**modules: nn.Module) -> OrderedDict[str, nn.Module]:
    """Named children for nn.Sequential, so rows say `features.0`, not `0.0`."""
    return OrderedDict(modules)


def alexnet(num_classes: int = 1000) -> nn.Module:
    features = nn.Sequential(
        nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(inplace=True),
        nn.MaxPool2d(3, stride=2),
        nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(inplace=True),
        nn.MaxPool2d(3, stride=2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(inplace=True),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(inplace=True),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(inplace=True),
        nn.MaxPool2d(3, stride=2),
    )
    classifier = nn.Sequential(
        nn.Dropout(0.5), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(inplace=True),
        nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(inplace=True),
        nn.Linear(4096, num_classes),
    )
    return nn.Sequential(_named(
        features=features, avgpool=nn.AdaptiveAvgPool2d((6, 6)), flatten=nn.Flatten(),
        classifier=classifier,
    ))


VGG_CONFIGS: dict[str, list[int | str]] = {
    "vgg11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg16": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M",
              512, 512, 512, "M"],
    "vgg19": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M",
              512, 512, 512, 512, "M"],
}


def vgg(config: str, num_classes: int = 1000) -> nn.Module:
    layers: list[nn.Module] = []
    channels = 3
    for item in VGG_CONFIGS[config]:
        if item == "M":
            layers.append(nn.MaxPool2d(2, stride=2))
        else:
            layers += [nn.Conv2d(channels, int(item), 3, padding=1), nn.ReLU(inplace=True)]
            channels = int(item)
    classifier = nn.Sequential(
        nn.Linear(512 * 7 * 7, 4096), nn.ReLU(inplace=True), nn.Dropout(),
        nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Dropout(),
        nn.Linear(4096, num_classes),
    )
    return nn.Sequential(_named(
        features=nn.Sequential(*layers), avgpool=nn.AdaptiveAvgPool2d((7, 7)),
        flatten=nn.Flatten(), classifier=classifier,
    ))


def _conv_bn(cin: int, cout: int, kernel: int, stride: int = 1, padding: int = 0,
             eps: float = 1e-5) -> tuple[nn.Conv2d, nn.BatchNorm2d]:
    return (nn.Conv2d(cin, cout, kernel, stride=stride, padding=padding, bias=False),
            nn.BatchNorm2d(cout, eps=eps))


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, cin: int, planes: int, stride: int = 1):
        super().__init__()
        self.conv1, self.bn1 = _conv_bn(cin, planes, 3, stride, 1)
        self.conv2, self.bn2 = _conv_bn(planes, planes, 3, 1, 1)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = _shortcut(cin, planes, stride)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, cin: int, planes: int, stride: int = 1):
        super().__init__()
        self.conv1, self.bn1 = _conv_bn(cin, planes, 1)
        self.conv2, self.bn2 = _conv_bn(planes, planes, 3, stride, 1)
        self.conv3, self.bn3 = _conv_bn(planes, planes * 4, 1)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = _shortcut(cin, planes * 4, stride)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


def _shortcut(cin: int, cout: int, stride: int) -> nn.Module | None:
    if stride == 1 and cin == cout:
        return None
    return nn.Sequential(*_conv_bn(cin, cout, 1, stride))


class ResNet(nn.Module):
    def __init__(self, block: type[BasicBlock] | type[Bottleneck], counts: list[int],
                 num_classes: int = 1000):
        super().__init__()
        self.conv1, self.bn1 = _conv_bn(3, 64, 7, 2, 3)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        cin = 64
        for i, (planes, count) in enumerate(zip((64, 128, 256, 512), counts, strict=True), start=1):
            blocks = []
            for j in range(count):
                blocks.append(block(cin, planes, 2 if (j == 0 and i > 1) else 1))
                cin = planes * block.expansion
            setattr(self, f"layer{i}", nn.Sequential(*blocks))
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(512 * block.expansion, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


class BasicConv2d(nn.Sequential):
    """GoogLeNet's conv (no bias) + batch norm (eps 0.001) + ReLU."""

    def __init__(self, cin: int, cout: int, kernel: int, stride: int = 1, padding: int = 0):
        conv, bn = _conv_bn(cin, cout, kernel, stride, padding, eps=0.001)
        super().__init__(_named(conv=conv, bn=bn, relu=nn.ReLU(inplace=True)))


class Inception(nn.Module):
    def __init__(self, cin: int, ch1: int, ch3red: int, ch3: int, ch5red: int, ch5: int,
                 pool_proj: int):
        super().__init__()
        self.branch1 = BasicConv2d(cin, ch1, 1)
        self.branch2 = nn.Sequential(BasicConv2d(cin, ch3red, 1),
                                     BasicConv2d(ch3red, ch3, 3, padding=1))
        # torchvision's "5x5" branch uses a 3x3 kernel (a known quirk it keeps
        # for its pretrained weights); the published 6,624,904 counts that.
        self.branch3 = nn.Sequential(BasicConv2d(cin, ch5red, 1),
                                     BasicConv2d(ch5red, ch5, 3, padding=1))
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
                                     BasicConv2d(cin, pool_proj, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)


def googlenet(num_classes: int = 1000) -> nn.Module:
    """GoogLeNet (Inception v1) without the auxiliary classifiers."""
    return nn.Sequential(_named(
        conv1=BasicConv2d(3, 64, 7, stride=2, padding=3),
        maxpool1=nn.MaxPool2d(3, stride=2, ceil_mode=True),
        conv2=BasicConv2d(64, 64, 1),
        conv3=BasicConv2d(64, 192, 3, padding=1),
        maxpool2=nn.MaxPool2d(3, stride=2, ceil_mode=True),
        inception3a=Inception(192, 64, 96, 128, 16, 32, 32),
        inception3b=Inception(256, 128, 128, 192, 32, 96, 64),
        maxpool3=nn.MaxPool2d(3, stride=2, ceil_mode=True),
        inception4a=Inception(480, 192, 96, 208, 16, 48, 64),
        inception4b=Inception(512, 160, 112, 224, 24, 64, 64),
        inception4c=Inception(512, 128, 128, 256, 24, 64, 64),
        inception4d=Inception(512, 112, 144, 288, 32, 64, 64),
        inception4e=Inception(528, 256, 160, 320, 32, 128, 128),
        maxpool4=nn.MaxPool2d(2, stride=2, ceil_mode=True),
        inception5a=Inception(832, 256, 160, 320, 32, 128, 128),
        inception5b=Inception(832, 384, 192, 384, 48, 128, 128),
        avgpool=nn.AdaptiveAvgPool2d((1, 1)),
        flatten=nn.Flatten(),
        dropout=nn.Dropout(0.2),
        fc=nn.Linear(1024, num_classes),
    ))


class DenseLayer(nn.Module):
    """BN-ReLU-1x1 conv (to bn_size*growth) - BN-ReLU-3x3 conv (to growth)."""

    def __init__(self, cin: int, growth: int, bn_size: int = 4):
        super().__init__()
        self.norm1 = nn.BatchNorm2d(cin)
        self.relu1 = nn.ReLU(inplace=True)
        self.conv1 = nn.Conv2d(cin, bn_size * growth, 1, bias=False)
        self.norm2 = nn.BatchNorm2d(bn_size * growth)
        self.relu2 = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(bn_size * growth, growth, 3, padding=1, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        new = self.conv2(self.relu2(self.norm2(self.conv1(self.relu1(self.norm1(x))))))
        return torch.cat([x, new], 1)  # growth by concatenation


def dense_block(cin: int, count: int, growth: int) -> nn.Sequential:
    return nn.Sequential(_named(**{
        f"denselayer{i + 1}": DenseLayer(cin + i * growth, growth) for i in range(count)
    }))


def transition(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(_named(
        norm=nn.BatchNorm2d(cin), relu=nn.ReLU(inplace=True),
        conv=nn.Conv2d(cin, cout, 1, bias=False), pool=nn.AvgPool2d(2, stride=2),
    ))


def densenet121(num_classes: int = 1000, growth: int = 32) -> nn.Module:
    parts: dict[str, nn.Module] = {
        "conv0": nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False),
        "norm0": nn.BatchNorm2d(64), "relu0": nn.ReLU(inplace=True),
        "pool0": nn.MaxPool2d(3, stride=2, padding=1),
    }
    channels = 64
    for i, count in enumerate((6, 12, 24, 16), start=1):
        parts[f"denseblock{i}"] = dense_block(channels, count, growth)
        channels += count * growth
        if i < 4:
            parts[f"transition{i}"] = transition(channels, channels // 2)
            channels //= 2
    parts["norm5"] = nn.BatchNorm2d(channels)
    return nn.Sequential(_named(
        features=nn.Sequential(_named(**parts)), relu=nn.ReLU(inplace=True),
        avgpool=nn.AdaptiveAvgPool2d((1, 1)), flatten=nn.Flatten(),
        classifier=nn.Linear(channels, num_classes),
    ))


ARCHS: dict[str, Callable[[], nn.Module]] = {
    "alexnet": alexnet,
    "vgg11": lambda: vgg("vgg11"),
    "vgg16": lambda: vgg("vgg16"),
    "vgg19": lambda: vgg("vgg19"),
    "resnet18": lambda: ResNet(BasicBlock, [2, 2, 2, 2]),
    "resnet50": lambda: ResNet(Bottleneck, [3, 4, 6, 3]),
    "googlenet": googlenet,
    "densenet121": densenet121,
}
