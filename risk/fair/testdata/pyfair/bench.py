"""CPU time of pyfair on the inputs of risk/fair's benchmarks.

Run with pyfair importable (PYTHONPATH pointing at a checkout of
github.com/Hive-Systems/pyfair) and numpy, pandas and scipy installed:

    python3 risk/fair/testdata/pyfair/bench.py

It builds the same scenarios as BenchmarkTwoNode1MMoment (LEF and LM as
PERT, which pyfair draws in the moment form) and BenchmarkFullTreePERT
(seven PERT leaves) in risk/fair, runs 1,000,000 iterations with the
summary statistics a report needs (mean, standard deviation,
percentiles, exceedance probabilities), and prints the median CPU time of
five runs in milliseconds (time.process_time: all threads of the
process), to compare with the cpu-ms/op of the Go benchmarks.
"""

import statistics
import time

import numpy as np
import pyfair

N = 1_000_000
PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99]
AMOUNTS = [1e4, 1e5, 1e6]


def summarise(risk):
    stats = [risk.mean(), risk.std()]
    stats += list(np.percentile(risk, PERCENTILES))
    stats += [float((risk > a).mean()) for a in AMOUNTS]
    return stats


def two_node():
    m = pyfair.FairModel(name="two-node", n_simulations=N, random_seed=1)
    m.input_data("Loss Event Frequency", low=0.1, mode=0.5, high=2)
    m.input_data("Loss Magnitude", low=10e3, mode=50e3, high=500e3)
    m.calculate_all()
    return summarise(m.export_results()["Risk"].to_numpy())


def full_tree():
    # pyfair compares Threat Capability with Control Strength on a 0..1
    # scale: the Go benchmark's 0..100 values divided by 100.
    m = pyfair.FairModel(name="full", n_simulations=N, random_seed=1)
    m.input_data("Contact Frequency", low=1, mode=5, high=20)
    m.input_data("Probability of Action", low=0.1, mode=0.3, high=0.6)
    m.input_data("Threat Capability", low=0.2, mode=0.6, high=0.95)
    m.input_data("Control Strength", low=0.4, mode=0.6, high=0.8)
    m.input_data("Primary Loss", low=10e3, mode=50e3, high=400e3)
    m.input_data("Secondary Loss Event Frequency", low=0, mode=0.2, high=0.5)
    m.input_data("Secondary Loss Event Magnitude", low=5e3, mode=20e3, high=200e3)
    m.calculate_all()
    return summarise(m.export_results()["Risk"].to_numpy())


def cpu_ms(f, runs=5):
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        f()
        times.append((time.process_time() - t0) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    print(f"numpy {np.__version__}")
    print(f"two-node 1M: {cpu_ms(two_node):.0f} cpu-ms")
    print(f"full tree 1M: {cpu_ms(full_tree):.0f} cpu-ms")
