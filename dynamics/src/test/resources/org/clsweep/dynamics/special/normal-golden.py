#!/usr/bin/env python3
"""Writes normal-golden.csv: x, Phi(x), phi(x) to 20 significant digits (mpmath, 50-digit arithmetic).

Run from this directory:  python3 normal-golden.py > normal-golden.csv
"""
import mpmath as mp

mp.mp.dps = 50
XS = [-37.5, -30.0, -20.0, -10.0, -8.5, -7.0, -5.657, -5.6, -5.0, -4.0, -3.0, -2.695, -2.0, -1.5, -1.0,
      -0.7, -0.67448975, -0.5, -0.1, -1e-5, -1e-12, 0.0, 1e-12, 1e-5, 0.1, 0.5, 0.67448975, 0.7, 1.0,
      1.5, 1.96, 2.0, 3.0, 4.0, 4.4015, 5.0, 5.657, 5.7, 7.0, 8.0]
print("x,cdf,pdf")
for x in XS:
    print("%r,%s,%s" % (x, mp.nstr(mp.ncdf(x), 20), mp.nstr(mp.npdf(x), 20)))
