"""Name cells cut from scanned and photographed report forms, as the report-form stage hands
them to the ink's verdict (`extractors.name_pixels`): grayscale, stored as `scan_cell_crops`
stores count cells (32 grey levels, zlib, base64)."""

from __future__ import annotations

import numpy as np
from scan_cell_crops import decode

# name: (height, width, data). Each cell prints one place name, right, with scan specks.
CROPS: dict[str, tuple[int, int, tuple[str, ...]]] = {
    # ชัยภูมิ on a scanned list (seed 1033), read `ชัยภูมิก]`, then `ชัยภูมิ .`: every spelling
    # fits it loosely (0.97), and its twin ซัยภูมิ a little better than the name.
    "chaiyaphum_read_with_a_speck": (92, 469, (
        "eNrtnemao6wSgJ+JC4i4bwjkO/d/l6cK0GxqjDHd6e74YyYdozG8VlErKjVuWmu1eTMH6+GlPr07bhNHnO/Df3shJP4v5dV51Pxprk+1dps8"
        "g/0Fepft9gumrvaZn7Dum1+3Scvp+t6xl4AY1fE/1RZ52akj/qWvoG64x+7+3MsLmT5eTZxA396sU1/1yPBr/ROh3iFgoMoyZmmDUJU+Xo7c"
        "JqjXfOa4j68nmN6/cx69r6aG/+bdN4aqL6Vg9usGqDWPs1Y5nmt07hyjxQ9OgbuZCe6Pzo4ydS3bz37Rl0JdlFR9VF1V1mIQUjnzcxbmpUfV"
        "8tllrR+a074HhnjVXjV1X+mfC1U7tL1UehTU1VD1ErxFqHq4vLVDc75v00cXWUwwfXf1u3zrS+R5vG86qIkbehvUYepeN+rq5uvuDOcs1EUP"
        "4NdAtR81VFERW/k5rrnyJ6CqrmnlEqDb75tUj/qB6/yi7W2gXroXUr4cqsx5Wvd6tTHyg6DuRXXyZOugXpof9oW8Pw5PQ00Zr/r7lsyfh3o9"
        "Y8xA1TOG0pXIvlj9VlmB+vcD9ZVQzQdHMVVyZiTUvOXyGNS+60zk6iugft+kqndBexfqpJV4EVFUS2GV6RDMJuu3x29Tx3XO4M+EuhAZfToK"
        "uCSpo1RaUT0PCb/UTz1qmzY4rh6oJ6B+LdkdrdzF0IJacNJNPOl4GzZfgLRL8MFkhKxv/CVQvwztykDpohGrV8npfAR2A6Qd7ky4l07q4VdD"
        "PQVtbrhYE+ZxSb1Ivs3FXVbmO7eom/lPyNMMPYXs5mb6gVCvI3Gj2XKSsWegzmS0doG6JgW2ODOo3wt1SnNKY4w6OdsM9abGYX+oy2mVyb3n"
        "13TxuTvplYm3x9qPVbn5FyOdgyrPShVGiX18TtW3Aysvv2lHqHo71MlChLXxQ5cs3I/XcydSU1CHHyeHWfAJ69elX06nced8DdTFZPjLoEr1"
        "H3z0qHuh/veuUM+mGeniAKf8yUZJva8c3wLqlFpeI6n/ocar46jQ77BNi6GUvVO2xkqSomk6Odb4bZhTz+/749oZ5vugPjyMR9DAsvC95MuD"
        "vGuHQfaia9tOSDcByrbMsrKTaoukjh4hnLRru0708sqK/k7rdy+oKKyqDIPsqN8NqhNO0ZRFnudV50a+LzmlSd1vjijhOdu6zPMsy4uqFZcC"
        "/55QH2SLH+7rqntHqMaqaXPOYsbiorVGjcgjP0yafqOhBPv6ri4SRkkYkojndde/Gup8WckaQ+nRIPwQZjQD+H7qF6F2JY9YwhnlJYw+Vn2k"
        "5IBQ5VZJ7ds8jighNKLwL2B1N8iEmfdoQeZkOedMzOrlUI9H1b8p1CaLoqSqUhqltQBDXTY89GnW9lJti/0CU0bCKOZplqU8IoRlluqEebkB"
        "6t3838rgwxPpMpOP0O9iJE38VlknJMq7rogorwSYvm1OgyAuhVRboKKkFywMo6zq+l6ItozNLSJPh2m1M9TJBO49qFM3wGNupTLFkO8HFS3c"
        "mocw6E2GxpEEJCUPfJI2cmvqrYe7JDRSj1W9UlSckLjolL6fJtsMVS2VhU68P3NPrEZ6PAf7TSGHWT8VoTYpDHqWMYLyJEWZUD9gpbA//fHY"
        "rxRF5AdRWjXg0jStEE0eU8prqcc2qG+CejUOT7k0bxBHmobq4tqgLcGmoWFAAUSVxSQgLG/lNqga1DfYWT5lcRwnSZLmZVWmLKSF0Kd05vdD"
        "/VXbOQ83wmApsTDwPT9kSRIDXBKjuao3qV+EmkUhRR8JucLGeQyTNOhzPWH/fqCunDHXzqlDP0sPCpIA1iAk8F8Irk3bbw3oa3SRsiTDwEMK"
        "W8IBK6NByE0w422g3iaT31wUH7N+USu2ZcoZOJVRxHhaNiZYsJR5WxBjaeKDAra+b9umrooczw1OU68m0lXfB/WLs9hf7NIgItHWVZnneVFW"
        "jbAO6mbr9yzhBoTBrcGIYVacR6g+UF8BVV/Uqtg6B5Aw4GlzqiZBs6W6a+wsO68skALNYPlWUN/B+t0b6nQCzgB1MjYhjvrmr6uM7GBcu65T"
        "l585y8xKtaJh/GMo3d59a7Sv/fgRZMgI51ilINpWjDFfkN1+TJxJKceCF1eMbWILoF/dXXAawV4YFX5ZKno6dh3U9cVkH6gnqACkrQqcRbtB"
        "NYoqTQpj+oIK7WGerWohjS6GD2POtR/bvk1rCthBZVXj8fIEse/wuFaM1jUcDrZT15+aZ6aET6+p+3yF9fsb1O/oT3Z1kRpvkmdo8CK3Jh0S"
        "qWA7VRnnPMmr1sopWMhZaZt2jT6FOyJPMGPH0xxzpspVSoCDxFmc5C4fixNs34IRBsfO5S2n35oD9TGUZmdUcCeTKAxg833CUsyQS1GyIODg"
        "e0gM2Sbg4MDGS4HTZ18nNALgLgwFnNI4Arc2CMOQxmlp0SsTyiCwYfBXOqhwLnOs0pNrJ1y/ugP1BS7AelF4a6iYRaVAhEYk8LyAprVEHtQL"
        "EgzlSwEMQ8oTFpLExIL6MvJ8ExIeMqYIlFBKQt8PKC/wrhiCjhHgjrJmKCoUZeQHMfb7qlmo6muhbtVvb6x9jfAQPwgjnqYA1w+iXMiuAFDM"
        "5FMkps9IUjV5ZHM3qq8M1N6com/hoz4eneV4vOcT7nJ1TUIIzzMWhpaiEeuSHnxWSX07p/5aqLte8LomFNnmkXfwQ5aWdZWzwAuTGmSXhBjK"
        "N/tT4tO86ytmEiwIlQFU4IRZJ0yngRwXddN2bZ3jbUFTjC5oWXMSFV2b0dDcASa2YaQ8dlD1NFT9kdRnL1CCQHk+KN84a7omg9esKJMQ0ZiJ"
        "ENj4Hs1bmGUprxxU3zfCh8FiYAYa24YqZIdSj6rZJFMBaim6fICKZ3PHypne4QmmH6gPX6AERDwMaMxZFJdY9ABQ85wBR1uiAFBj/xDGWQEW"
        "TtqoYU4FqPhalLHVrkcbeAL0/oGYQxEqzWo8PStcTnaU8pvOpFmo78b0/aGi81LFZuzTCDB2mNWOi4IHHkyjwsoWQMWkKIt4ISxIBxUN55z6"
        "IeZynCXUN0l4cBZWm0WEJRxkP7IHKncsCO401I/23UtSy5iCvhR5RJK6xZJQjkZREABjI5dVHKJ6piwpWhN9AGkcobZZ6AVRMritSgHlYafA"
        "omFK4JZAqOoC6sTquhexol8J9WsuHT0PWfEI7NwOoVY1GkVZKxr4PzRmkcY5NyA8K6rGlXiD9WvcEiOpRYy1EpTlrvKoB+Iec8TBbjJuUlT2"
        "LsJoXBpW9acQ8e38uTr28IE6o32xPIFFCWhcStMSJlM0c4xWDVhpIIL5GpCkbEzixnJDaaswKoQl/RlnIVZ82zZFnDQ9q1+VaKoy5yDK7m98"
        "q7BQ1UQyQU/23zzUWPVRv3bFOMCQMMbjKOJ5AbYr4tEw9gFqSTR+egwusRxclq4T1hii1tjRNupb8NAnaTuIcTxCxRB/W1D/bBJF9Wugqrvr"
        "6S53zH2gLl6g7MqUxxijLTMWEhMLRJAwE/bKGTwhYRxrxwpEZ+fFymVf4HAwgJkxhaRykloNkomOqe9HY+nwoH4fgPpwH+RfN5RMDluKuixy"
        "mDOrJAwiUz0oBqgK48DgfAYYCCQ2xI9uyxlUq55dKHgK6mju/lGo6uuhokLFBsZOGH+GV8IIIws8gGrrIMBs8v79O3heiCF+PUB1dUjg8ni0"
        "GPvkRqg2hmQk9QTZQq1/MFT95pI6LMRq2/j7Ngk9GzdQokKopYVqxBYbYnhqWlWFiVDUA9TB3JUTUKWFGv0mqG++jU8LsdnPivmj3YpQB3On"
        "zQgYN3lV17a4UBTUM2BsmBFjRHEjb6C6aATGBaPyBuqwLMp2qB+qy46TGSIc7wFkX7Oz1zw4kKwbFg0YfU3ncNSx78f1UPhyFgc04NA5QqjO"
        "UOpN6u0D9bVQx6pqI0Sejf1oC9WigUkTjSYhh4K0k7SZzv/CzrBu+C+gYgKdh5hrEw6UkfIB6rJqvQv1g3XeUx3Ww+6ccSQHqHFlIrpmSo3L"
        "U1X3aV7EyqYMg7tObvUlVFMTQbyDT7O67ezJdoX6QT1rnlstCJ5LPAQc3Pxamdcdhg/ieozVIhiEKm3neRj4h4DXE1CxJoKEgXeAGRic4BqL"
        "nxxUOaTINwcfPlDvQB3qB5mFqhxUY95gVQpGlyqlh2J9fMPMqRixJ2F4A9UqbolpOc8PgOq/g0/irGxEb8tZPlC/Bqq2hlI0Wr9oKNk+DKOW"
        "y3EddAwG+5hDVVhxyDgH2eNjKRlAPXgRJtNlm5raJk79A7IlUVLUdT6obnVvtvxA3QnqgRZGOjHujip3hEpzMVZgozUc8EbKipMoa6okOM2S"
        "Nktjbg0sZ6FJVZcw6QaEmFLFJOXURZTUvZD9mgrg9VD/DuyrXv4YXJe06V0Myee19TRrHnomEW5qVnpT00TSTkpQr6zou4yYLN0JqvVLMfuO"
        "RnMHgg0CG5MA5BXgemFcT9QozYF5pDdr+af+OahgEWGFGZg0YKg2NdazhKnNpmFAH6Qszqu6aZoao/4HU4bUA9Qoa+uUuNpRk7WpYhcWxBUk"
        "sAqxAGspKZu6sMXF3iGwUBcXZ1kD9aF4rNr3cbc/Q1LR5C0wHEh5moBN6wVR4QrpTQ2p59MYEzXYX+77ppJX2mU6gBV1oQkLdYgadhjp5wkj"
        "Ic1BrkVtcuaHfxhitH1SXwj1j6XeztbxyCJbZ4//mhWPnAdbWSELQzM14kIQZsEVrNYOKSEkxvJB2/HooEpT0haDxvW9Q8grYe+OLCaHgwlV"
        "3IH396CqxZWgN0PVos646Z8ICDWLPQztiG6H2QgWKzXGbOqbjFFKI/isHHqWsSeDJvbvroixbB/XT5M2x9eADqYM5u3HHoj4B6Aen0vRTS4M"
        "5Qo8sdPJJsyrVmrlmmKO2EJVZrhoA0+yvGpsD5SBlCVYddYPa0NhkCkvKvt4JuykSnF/NyywgysV5kUppH5qwddfBxWf9Xx85qyTUKVVntL0"
        "JJqWxF6NULUN8oIBVZs942rb2NTY1KbPbexWxbXNhDnalDA1tuvxOFyywv3y1Bj7gar1viVp6nptWBx0bDCWSl6sgT+0Htu24vOnmsjerAuB"
        "dF14V5qMu208dkcMmQP7n4lgyJep3xcHIl50XrXjIvwTPv9pJYhx9j41mLtlOew7w9ugt5si5WlRC7P4HWjo7jK5JqVrOIc38IlcPwDql2oF"
        "8wgt88/z5763WuPFYn2Tvr/di4YUmEwMHzQrqzi0LVJugU05LCc8PNdN9mpcEuK+Cv4TUC9WqN0b6uMhOdc4F3POaUjSxuQCgrgSt3fJKLry"
        "Eqpa8aDFrVDVz4AK9mUrdli3ch+o1qatU5aVmJNhZT8UkN5ftPU6b/roBV3/kB8MVTY8KfrTiqTvALUCqFXNw0NU9K4sTU4/k+q5spVXQ1Xz"
        "mSE9LD3yGkltGMt6dBHeQ1BNi2saxWnGgkNUSpNQjVZI6uq86YNQnx2QRahKvaZEtEuzChc+ev7ce0FVomA0YiHW/0ppoJbi50O98jfOH6u9"
        "4aEYd+JJ0iC1Lzb7uKse+bV2bpN1GrMo8Dya97Ym9BTd/XFQJ6TRvjzaGunzD++ogE1l/Zbl+F8C1fQ9NVWREO9A864rHVS9EeqCW7K8RNKO"
        "UCdHTrV1o95+9di9mNroPcD8R9KqNFnZr4a674BM7AEZ7fMkE++ebFf7QTVWOYhqECUxDTxcp/lL1e/OgzKEd87fP2qRxkmntFLv3Uqzk/Fr"
        "cwFdwUkQYuaOxLnNtX011B1gT0K1p+yrfFgRTP16qMPaoG2Zsigyi0NMPvXk/aHOndmtWSx7od698mFnqCbpWuRZVjSLj3GcDCwvXdAbQLWx"
        "6+NRv30Z6vMor05h1szvhOjlppM9ESbcG+pVogHMJONEHt+/uHh3qGNiblO97vU16Zmsi1pQkk8O+Xzw4fjfkBDWfweqnpwqH4Y6JYnnX3Vx"
        "4TN55mehTnBTZwtWvztUvRtUfbNC8tY03touismE3bmtumdm5kT77Z+f8EKo23Ozdyyq5d3ToruV7LxSW3OOZy/j+6GuhrNW/V7GzZ+/JrUq"
        "FT/HdhXSm2XgH4lL3/nII/fF/wHat4DP"
    )),
    # ด่านช้าง on a photographed form (seed 1038), read ด่านข้าง, ด่านซข้าง, then ด่านช้าง.
    "dan_chang_photographed": (87, 436, (
        "eNrtnet6ojAQhgGBEM6nEI7x/u9yZwIoIK3YrT66O9+PraAL7bzMIZMg5zPpe6l6ICP824AlEf4w9SFvyAofxiyJWrLCh6lrFRmBRCKRSE+t"
        "w6kM/zxmoicjfFwhTiUdiUQikUgkEolEIpFIJBJppUZKSU2jj1LtM8aKCZoUQlBz/Wkq0jT9BfM2vmkYhjNB8x3HpfUSTxOzLOsXzBuahuuZ"
        "hqMPJW3gR+uSniYHzPsLzFzDKGp7IhWAz3kd2fb9meVyYqbdrKR65N2ZhZ7HmKmZ1Zzc7PnMfiH1tHWNR2LthKwiN3ue3F8rFxgcqZAVIfsY"
        "Zo1EP8t8F5AxQvYJzJqA6QEaEuOE7COYRZYxinHRELLnM6t/gZmH4pyIvUBFkiS/sIYT6sa6bkBE7PkaQGQFEunDVFc0D/MUiTzPsmwvj+Xx"
        "puuk1E347Lv2epujzmSLW8Ij13UvRY0sC9BuviwTmq05rirP2QkVpdkKUBHHsW34UbS4WVilYQCql7VF4vP5FvCuCT2GyidqDRai1ehxZckd"
        "GxTn+bb9WKauFcRE7SCxgtknU4+lLMuK0u5aQdqmOY2yeDiZU2Wncdi1XDfAZyxdE3nTwMxhuXanGLaZBlr7jjOdB7CtoQkXPmaaPkE7hMyz"
        "ZzAo0wonaxbOcv/kKmdAZlqIhTU7zBJuXf+HjRGxwa5jNmhki/cMK9KnqcaTCTaey/RpZvQIMm0tHkU6DqLd5PiOXhxghFmWY+PQ8JoZT1yU"
        "13i3YtZ5s49pPDDOawJ4NaYz3RlhQRiG+jRWtWAWmoafpHgeQeO5uwpNTUx2PShP0JyBDlAlvgxTrC0qTW2ExvXsJb9lJuBnOsZNI5URvrJl"
        "EyKyUrsZOhwTbdd1WaSPjacZLtdHMSi8SojZXUn0GC47NY2nC7CmWc1uFszVIL9ER3jlyYGvPWI2tj9F07RvNTQR47/ZNa+NRf/Q4fyMVa0O"
        "AFcCLkGg6ez7boYBq7hW7oM3O9oKS+XOW2hXFpy+ZGa7UE048tzigUSCHxzLDfxMNp+ocNarDQKMjYlDSxCOiM9Br8rHMh93aEdbB6rLlmRz"
        "ZbLPLKmkhxuaWdmio9m6FAUs7DJMG/japYQLRaM+MDG7K7R2PmApAqMzpFbOhYDI0mvZvyAoPUvXjXvMgEvaYyFSKkxt4G46CtoYBfMgWLRD"
        "NmFQzVGVmB1jBtbW1aN1grJAzTFRgc47zHBkXLKb0KY3IRQ6OWQyu2q8sW48Z/Oaq75dfiPUNnUJXTQSsweYQR3OoZjDsmC/eNvY+IvNFtKj"
        "Yxl21o9uBrs6vltYbJmpQaQpJs2CmB1k5pu86qAwKEdm5Q+ZATTmuizrWyDljH2Q/WIQhxgaT5XNDRalApOYHRCaCSJiYPIGU9mi4BZJ8ziz"
        "cytBvS49ppnTcBfEvFfyU9DcgCTdY2YJuMKtMPNWg6TQKtW3zK7WHfyNsTGJ2dPw63tmMGozL9CI2WFmAAPConUyDV5f6VyC1g6kjXVze5OI"
        "8O25Cfw9MyjyDdOvrztzYnZP0+B2GHuKWPXPdJTazT87m9rNTkL1w97bXzNDPKpcQIuI2RENY4tq/OnVd/1iZ3PQ5XzUncVuYtoHcdm7hEbM"
        "DjavxoQm2bxA+0FmQ6+Roa3b/obIfWYAjWloipg9wswoKt8CZMP5EWZoXSAWaGTGan3dI8zOSiA0DtCiqSlDOsAs8ADZ1FnaZ7ax/LipJmIW"
        "bE2jsR8wm6FJha3/jJjdle4vgtFnZAdsPG2mXT76mBVjn98Rau/Trb97vBUehdPUJo9d802ZDe8VsAdd7c8zW48wc/0xKsKYvPFv387UZai2"
        "A2LtUiM0/Yu8JTNZvxe0yBxnKc+PMsNJmxMu/oFUFl8haSKwGVX97GaO+N7PANq0xOFNmbWHb1Jtq1c8G0Gbf7GK6mtmGyiALCqFbiy2kARP"
        "iySIg2zbTSsp42kccIfZWecyffF8dj4rvFdcdJrZourb0FlA2jIzw2ZcAuJwe1reManTAffkMobz1M5ti7jBbv8Kj5wc7cOZVWH5gj8gXt+H"
        "ibPMx5hpZOc2HNftWKtaM+eny6o4J7t1s/qG2Rwdf8Ksfx/OQ/uK74WPzZWb1WA6T95jltqWFY5tjzbCpcHOeglwVyfc8zzb8TjfQXYeIstw"
        "13d/TtB+wuzdSoSnS0RhuGCkRJLsfLVYXeT5Ym6mEWXZXtKuqKpqC6bDRftpLptm98Kr4mgbRJTM0jT9ifm7/+2ZB0PXdUs7qeH3RiP9l8Yc"
        "+p0HFayXM5BIJBKJRCKRSP+A+qajIvelavK//T6nKsjoUXgvVeF4f3mnW+UTs9eq9q3470ze1/9HbHyfB28rmVa0iuFQFrnbTazTF92cqwaq"
        "IA7p/jdpFXZEWeLj6jl6XsnHiYiRSCQSiUQivZf+AFsNHvI="
    )),
}


def crop(name: str) -> np.ndarray:
    """The cell's grayscale pixels."""
    return decode(CROPS[name])
