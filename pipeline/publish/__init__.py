"""Publishing the dataset for people: the contract tables as CSV/Parquet/XLSX and the analyst workbook."""
