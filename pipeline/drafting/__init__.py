"""Drafting: data from the dataset → an official letter (DOCX, then PDF) for a person to check and sign.

The first draft is the follow-up letter to provinces that are behind (`followup.draft_followup`).
Wording lives in Jinja2 templates beside this package (`templates/`), layout in code: the layout
is fixed by the ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ, the wording is the office's to edit.
"""
