"""Knowledge of DLA document kinds: letters and memos, indicators (ตัวชี้วัด), returned report forms."""
