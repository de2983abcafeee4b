#!/usr/bin/env python3
"""Builds src/main/resources/safeguarding/examples.csv, the labelled examples the safeguarding model learns from
(bench/README.md, "Safeguarding detection"): reports of the dev file and of our in-sample own files with their category
and urgency, and ORDINARY traffic: their general questions and personal cases, ordinary_g.txt, ordinary_h.txt, ordinary_r.txt (rumours), ordinary_i.txt, ordinary_j.txt and ordinary_k.txt (harmless scary words among them), the FAQ dev and own questions (rows not
labelled SENSITIVE) and short replies (safeguarding/short_replies.txt). Never own_heldout_c.csv, own_heldout_d.csv,
own_heldout_e.csv, own_heldout_f.csv, own_dev_e.csv or bench/safeguarding_blind.csv: those measure the model on messages it did not learn from.
Usage: bench/safeguarding_examples.py [faq-eval dir]"""
import csv, os, sys
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
faq = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'faq-eval')
res = os.path.join(root, 'src', 'test', 'resources', 'safeguarding')
rows = []
def labelled(path):
    with open(path, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['expected'] == 'SENSITIVE':
                rows.append((r['text'], r['category'], 'yes' if r['urgent'] == 'yes' else 'no'))
            else:
                rows.append((r['text'], 'ORDINARY', 'no'))
def questions(path):
    with open(path, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['expected'] != 'SENSITIVE':
                rows.append((r['text'], 'ORDINARY', 'no'))
labelled(os.path.join(faq, 'safeguarding_dev.csv'))
for name in ('own_heldout.csv', 'own_heldout_b.csv', 'own_dev_d.csv', 'own_train_f.csv', 'own_train_g.csv', 'own_train_h.csv', 'own_train_i.csv', 'own_train_j.csv', 'own_train_k.csv'):
    labelled(os.path.join(res, name))
def plain(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                rows.append((line, 'ORDINARY', 'no'))
plain(os.path.join(res, 'ordinary_g.txt'))
plain(os.path.join(res, 'ordinary_h.txt'))
plain(os.path.join(res, 'ordinary_r.txt'))
plain(os.path.join(res, 'ordinary_i.txt'))
plain(os.path.join(res, 'ordinary_j.txt'))
plain(os.path.join(res, 'ordinary_k.txt'))
questions(os.path.join(faq, 'dev_questions.csv'))
questions(os.path.join(root, 'bench', 'own_questions.csv'))
plain(os.path.join(root, 'src', 'main', 'resources', 'safeguarding', 'short_replies.txt'))
out = os.path.join(root, 'src', 'main', 'resources', 'safeguarding', 'examples.csv')
with open(out, 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(('text', 'label', 'urgent'))
    w.writerows(rows)
print(out, len(rows), 'examples', sum(1 for r in rows if r[1] != 'ORDINARY'), 'reports')
