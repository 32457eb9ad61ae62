#!/usr/bin/env python3
# models/stance-polarity.md, thirty-first round: usage  python3 bench/polarity-positive-proxy.py CV-PREDICTIONS.jsonl
# (the --cv-predictions file of the Current version's command, --cv-on CRS; the CRS DEV file is read from /work/shared).
# Offline check (DEV, out-of-fold): does a positive-vs-rest classifier on CRS DEV + crs_more rank the blend's
# positive errors apart? Pure-python L2 logistic regression on unigrams+bigrams (lower-cased), class-weighted.
import json, re, math, random, collections, hashlib, sys, os
S='/work/shared/data/stance/analysis_prose_crs.polarity.dev.jsonl'
dev=[json.loads(l) for l in open(S)]
more=[json.loads(l) for l in open(os.path.join(os.path.dirname(__file__), '..', 'data', 'stance', 'crs_more.jsonl'))]
pred={json.loads(l)['id']:json.loads(l) for l in open(sys.argv[1])}
tok=re.compile(r"[a-z0-9$%]+")
def feats(t):
    w=tok.findall(t.lower()); f=set(w)|{a+'_'+b for a,b in zip(w,w[1:])}; return list(f)
docs=sorted({r['doc'] for r in dev})
def fold(d): return int(hashlib.md5(d.encode()).hexdigest(),16)%5
def train(rows):
    wts=collections.defaultdict(float); b=0.0
    npos=sum(r[1] for r in rows); nneg=len(rows)-npos
    cw={1:(len(rows)/(2*npos))**0.5,0:(len(rows)/(2*nneg))**0.5}
    lr=0.1; lam=1e-4
    random.seed(1)
    for ep in range(6):
        random.shuffle(rows)
        for f,y in rows:
            z=b+sum(wts[k] for k in f); p=1/(1+math.exp(-max(-30,min(30,z))))
            g=(p-y)*cw[y]
            for k in f: wts[k]-=lr*(g+lam*wts[k])
            b-=lr*g
        lr*=0.7
    return wts,b
out={}
for k in range(5):
    held={d for d in docs if fold(d)==k}
    rows=[(feats(r['text']),int(r['label']=='positive')) for r in dev if r['doc'] not in held]
    rows+=[(feats(r['text']),int(r['polarity']=='positive')) for r in more if r['doc'] not in held]
    w,b=train(rows)
    for r in dev:
        if r['doc'] in held:
            z=b+sum(w.get(x,0) for x in feats(r['text'])); out[r['id']]=1/(1+math.exp(-max(-30,min(30,z))))
def auc(pos,neg):
    s=0
    for a in pos:
        for c in neg: s+= 1 if a>c else 0.5 if a==c else 0
    return s/(len(pos)*len(neg))
allp=[r for r in dev]
for name,sel in [('all',allp),('blend-neutral',[r for r in dev if pred[r['id']]['label']=='neutral']),('blend-positive',[r for r in dev if pred[r['id']]['label']=='positive'])]:
    P=[r for r in sel if r['label']=='positive']; N=[r for r in sel if r['label']!='positive']
    print(name,len(P),len(N),'AUC proxy %.3f'%auc([out[r['id']] for r in P],[out[r['id']] for r in N]),
          'AUC blend p_pos %.3f'%auc([pred[r['id']]['p_analysis'][2] for r in P],[pred[r['id']]['p_analysis'][2] for r in N]))
# blend-neutral: how many gold positives would a threshold catch vs neutrals
sel=[r for r in dev if pred[r['id']]['label']=='neutral']
sc=sorted(sel,key=lambda r:-out[r['id']])
for n in (10,20,40,80):
    c=collections.Counter(r['label'] for r in sc[:n]); print('top',n,'of blend-neutral by proxy:',dict(c), 'min p %.3f'%out[sc[n-1]['id']])
sel=[r for r in dev if pred[r['id']]['label']=='positive']
sc=sorted(sel,key=lambda r:out[r['id']])
for n in (10,20,40):
    c=collections.Counter(r['label'] for r in sc[:n]); print('bottom',n,'of blend-positive by proxy:',dict(c))

