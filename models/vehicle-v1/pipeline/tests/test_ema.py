"""Weight average: follows the weights, warms up, and can be copied into the model."""

import os
import sys
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from ema import WeightAverage  # noqa: E402


class WeightAverageTest(unittest.TestCase):
    def test_averages_towards_the_weights_with_the_warmed_up_decay(self):
        model = torch.nn.Linear(3, 2, bias=False)
        with torch.no_grad():
            model.weight.zero_()
        avg = WeightAverage(model, 0.9)
        with torch.no_grad():
            model.weight.fill_(1.0)
        avg.update(model)  # first update: decay min(0.9, 2/11)
        d = 2 / 11
        self.assertTrue(torch.allclose(avg.shadow[0], torch.full((2, 3), 1.0 - d)))
        for _ in range(200):
            avg.update(model)
        self.assertTrue(torch.allclose(avg.shadow[0], torch.ones(2, 3), atol=1e-6))

    def test_copy_to_replaces_the_weights_and_rejects_a_bad_decay(self):
        model = torch.nn.Linear(2, 2)
        avg = WeightAverage(model, 0.5)
        saved = [p.detach().clone() for p in model.parameters()]
        with torch.no_grad():
            for p in model.parameters():
                p.add_(3.0)
        avg.copy_to(model)
        for s, p in zip(saved, model.parameters()):
            self.assertTrue(torch.equal(s, p))
        with self.assertRaises(ValueError):
            WeightAverage(model, 1.0)


if __name__ == "__main__":
    unittest.main()
