"""``cat`` / ``stack`` give the layout PyTorch 2.13 gives (strides recorded from PyTorch):
contiguous unless every input is channels-last (李宏毅 HW8: a batch of ``permute(0, 3, 1, 2)``
images is contiguous, so ``img.view(n, -1)`` works)."""

import autograd_viz as torch


def test_batch_of_permuted_images_is_contiguous():
    imgs = torch.randint(0, 256, (4, 8, 8, 3), dtype=torch.uint8).permute(0, 3, 1, 2)
    items = [2.0 * imgs[i].to(torch.float32) / 255.0 - 1.0 for i in range(2)]
    assert items[0].stride() == (1, 24, 3)
    batch = torch.utils.data.default_collate(items)
    assert batch.stride() == (192, 64, 8, 1) and batch.is_contiguous()
    assert batch.view(2, -1).shape == (2, 192)
    assert torch.cat([it.unsqueeze(0) for it in items]).stride() == (192, 64, 8, 1)


def test_channels_last_inputs_stay_channels_last():
    cl = torch.zeros(2, 3, 4, 5).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)
    assert cl.stride() == (60, 1, 15, 3)
    assert torch.cat([cl, cl]).stride() == (60, 1, 15, 3)
    assert torch.cat([cl, cl], 1).stride() == (120, 1, 30, 6)
    assert torch.cat([cl, torch.zeros(2, 3, 4, 5)]).stride() == (60, 20, 5, 1)
    assert torch.stack([cl[0], cl[1]]).stride() == (60, 20, 5, 1)
    assert torch.stack([cl, cl]).stride() == (120, 60, 1, 15, 3)


def test_transposed_and_permuted_inputs():
    t = torch.zeros(4, 6).t()
    assert torch.cat([t, t]).stride() == (4, 1)
    assert torch.stack([t, t]).stride() == (24, 4, 1)
    assert torch.stack([t, t], 2).stride() == (8, 2, 1)
    u = torch.arange(60.0).view(3, 4, 5).permute(2, 0, 1)
    assert torch.cat([u, u], 1).stride() == (24, 4, 1)
    assert torch.stack([u, u], 1).stride() == (24, 12, 4, 1)
    assert torch.equal(torch.stack([u, u], 1)[:, 1], u)
