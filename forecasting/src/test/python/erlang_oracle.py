#!/usr/bin/env python3
"""Independent oracle for the staffing tests (ErlangBTest, ErlangCTest, ErlangATest).

Uses only the definitions, exact integer/rational arithmetic and the Python standard library
(no recursion shared with the Java code):
  Erlang B  B(N, A) = (A^N / N!) / sum_{k=0..N} A^k / k!          (exact, fractions)
  Erlang C  C = N B / (N - A (1 - B)); SL = 1 - C exp(-(N-A) T / aht); ASA = C aht / (N - A)
  Erlang A  stationary birth-death chain of M/M/N+M (decimal, 50 digits), and for a caller behind
            j waiting callers, P(answered within T) by uniformization of the tagged caller's
            chain (states: j..0 ahead, served, abandoned) -- not by the incomplete-beta identity
            the Java code uses.
Run: python3 erlang_oracle.py
"""
from fractions import Fraction
from decimal import Decimal, getcontext
import math

getcontext().prec = 60


def erlang_b_exact(n, a):
    """ln B(n, a) and B as Decimal, with a a Fraction; exact integer arithmetic."""
    a = Fraction(a)
    p, q = a.numerator, a.denominator
    # multiply numerator and denominator by q^n n!: B = p^n / sum_k p^k q^(n-k) n!/k!
    total = 0
    pk = p ** n
    qk = 1
    fall = 1  # n!/k!
    for k in range(n, -1, -1):
        total += pk * qk * fall
        if k > 0:
            pk //= p
            qk *= q
            fall *= k
    num = p ** n
    b = Decimal(num) / Decimal(total)
    return b.ln(), b


def erlang_c(n, a, aht, t):
    _, b = erlang_b_exact(n, a)
    a = Decimal(Fraction(a).numerator) / Decimal(Fraction(a).denominator)
    c = n * b / (n - a * (1 - b))
    sl = 1 - c * (-(n - a) * Decimal(t) / Decimal(aht)).exp()
    asa = c * Decimal(aht) / (n - a)
    return c, sl, asa


def tagged_answered_within(j, n, mu, theta, t):
    """P(answered within t) of a caller with j waiting ahead, by uniformization (floats)."""
    # state i = callers ahead (j..0); from i: advance rate n mu + i theta, own abandon theta
    if t == 0:
        return 0.0
    lam_max = n * mu + (j + 1) * theta
    x = lam_max * t
    # Poisson weights
    kmax = int(x + 12 * math.sqrt(x) + 40)
    probs = [0.0] * (j + 1)  # probs[i]: in state i (i ahead)
    probs[j] = 1.0
    served = 0.0
    result = 0.0
    logp = -x  # ln Poisson(0; x)
    for k in range(kmax + 1):
        # served probability after k jumps of the uniformized chain
        result += math.exp(logp) * served
        new = [0.0] * (j + 1)
        for i in range(j + 1):
            p = probs[i]
            if p == 0.0:
                continue
            adv = (n * mu + i * theta) / lam_max
            ab = theta / lam_max
            stay = 1 - adv - ab
            new[i] += p * stay
            if i == 0:
                served += p * adv
            else:
                new[i - 1] += p * adv
        probs = new
        logp += math.log(x) - math.log(k + 1)
    return result


def erlang_a(n, a, aht, patience, t):
    mu = 1 / aht
    theta = 1 / patience
    lam = a * mu
    D = Decimal
    # unnormalised pi_k relative to pi_0 = 1
    pis = [D(1)]
    k = 0
    while True:
        k += 1
        rate_out = D(min(k, n)) * D(mu) + D(max(0, k - n)) * D(theta)
        pis.append(pis[-1] * D(lam) / rate_out)
        if k > n + 10 and pis[-1] < D(10) ** -40 * sum(pis):
            break
    z = sum(pis)
    p = [v / z for v in pis]
    pw = sum(p[n:])
    lq = sum((kk - n) * p[kk] for kk in range(n, len(p)))
    pab = lq * D(theta) / D(lam)
    asa = lq / D(lam)
    sl = 1 - pw
    for kk in range(n, len(p)):
        if p[kk] < D(10) ** -18:
            break
        sl += p[kk] * D(tagged_answered_within(kk - n, n, mu, theta, t))
    occ = D(a) * (1 - pab) / n
    return pw, sl, asa, pab, occ


if __name__ == "__main__":
    print("Erlang B")
    for n, a in [(10, 5), (14, 10), (1, Fraction(1, 100)), (100, Fraction(1, 100)),
                 (200, Fraction(1, 100)), (20000, 20000), (20500, 20000), (19000, 20000),
                 (21500, 20000)]:
        lb, b = erlang_b_exact(n, a)
        print(f"  N={n} A={float(a)}: B={b:.15E} lnB={lb:.15f}")
    print("Erlang C (N, A, aht, T): Pw, SL, ASA")
    for n, a, aht, t in [(14, 10, 180, 20), (13, 10, 180, 20), (11, 10, 180, 20),
                         (30, 24, 240, 20), (2, Fraction(1, 100), 180, 20),
                         (20300, 20000, 240, 20), (20100, 20000, 240, 20)]:
        c, sl, asa = erlang_c(n, a, aht, t)
        print(f"  N={n} A={float(a)} aht={aht} T={t}: Pw={c:.15E} SL={sl:.15f} ASA={asa:.15E}")
    print("Erlang A (N, A, aht, patience, T): Pw, SL, ASA_all, Pab, occ")
    for n, a, aht, pat, t in [(14, 10, 180, 120, 20), (10, 10, 180, 120, 20), (5, 10, 180, 120, 20),
                              (12, 10, 180, 600, 30), (3, 2.5, 300, 60, 0), (105, 100, 240, 180, 20),
                              (90, 100, 240, 180, 20)]:
        pw, sl, asa, pab, occ = erlang_a(n, a, aht, pat, t)
        print(f"  N={n} A={a} aht={aht} pat={pat} T={t}: Pw={pw:.12f} SL={sl:.12f} "
              f"ASA={asa:.12f} Pab={pab:.12f} occ={occ:.12f}")
