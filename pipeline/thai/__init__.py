"""Thai text: shared characters (digits, marks), normalisation, Buddhist-era dates, OCR repairs."""
