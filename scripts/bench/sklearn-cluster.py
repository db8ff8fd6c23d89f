# The reference pipeline for `npm run bench` (scripts/bench/cluster.ts): scikit-learn's
# TF-IDF -> TruncatedSVD(100) -> k-means with 10 starts, on the same answers and the same k.
# Reads one answer per line from the file given; prints the wall-clock seconds of the pipeline.
import sys
import time

from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import Normalizer

path, k = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    texts = f.read().split("\n")
started = time.perf_counter()
x = TfidfVectorizer(stop_words="english", min_df=2, sublinear_tf=True).fit_transform(texts)
x = Normalizer(copy=False).fit_transform(TruncatedSVD(100, random_state=42).fit_transform(x))
KMeans(n_clusters=k, n_init=10, random_state=42).fit(x)
print(f"{time.perf_counter() - started:.3f}")
