"""Count cells cut from scanned and photographed report forms, as the report-form stage hands
them to the numeral reader: grayscale, kept at 32 grey levels (zlib, base64) so a test can read
the very pixels a misreading came from."""

from __future__ import annotations

import base64
import zlib

import numpy as np

_LEVEL = 8  # grey levels are multiples of 8: 256 / 8 = 32 levels

# name: (height, width, data). Each cell prints one count, most with their unit (แห่ง), and scan specks.
CROPS: dict[str, tuple[int, int, tuple[str, ...]]] = {
    "eleven_dot_beside_one": (174, 306, (
        "eNrtXYtW6joQvQoFFcqjLX3NJPn/v7x5FYEUTc7RWjl7L9dSw1JgM7Pn0WQqxIzBM3xJLAAAAAAAAAAAAAAAACaDFKYfIUFE"
        "EixjIC2WLCK0vFJ8Ukom/Z1m2b2cpYk5HevrHoTFoe+lUpLqfU3QsVi3NCpGLUwsgTHSntkjVEaHSntxiCFjiV7pggAQx5jN"
        "XSWuQ8Z7paZL5/wgLLFEAmHA9+X8TsmUhPJHCr8hStfi6F0kMcZO/8FGfIIhwVaCjslzJgs2EvzSMAfGYlN+nY9Z1uCZKcpv"
        "voOxWCWTfVHUSMdSUtjTYrEV6F0kVOKOsdjKkkGZaPO8jPdKmCLZnqJiMJbilz5cgrG4/II5iQf+5y1sqJIEMRiLff+uEEes"
        "/CYv+9cZM1mF2d0joPzxJmN9UsIr050MjN2mXPceJNPtIU6n+GFdjvl4RAEdbVq2WVgUICPeGU3N2PfoFiYU2sg4EwMh2z4+"
        "eIvNTo2ScS8ENtSlaL+wGT2Qkj7hEE1KNkZsN9SBjUglM4wxttOlij+jfI5PxixphOzixw0XAGNgDIyBMTAGgDEwBsbAGAB4"
        "8NQl6v2zshz8IO6v/ByavJn4GftT57eFyDFa5J3TLrPRjjZvp31COm1PJImVEGqMBTOvY5THmRy2klxPbfF9bUdLqDEbkoL6"
        "nsaMi4P1n2LsBz44djYTqJPpylNbVtcTdNwrpKYs61l0BTn4rL//Q1IDVyFjqis320MTWlNX6PV2DlZm9WRiHWh5mJkQBu4q"
        "z9b5FWN24AmdzHpNs7AxOTljHdsjB0GSIXUY3a2fshvG7Pr+5Tnb1vNQsh/QBhf3mK85k4pOu5fFfzeM3V3/sQpp6lfRk9Je"
        "ZvX8SsmZ+mr3kj3fMmPX10uz3s7DxqYOQEQ663cXxa6euW/K7Uu2DBgz6+vl8vlpNoxNb9U8VEryUt/rw1v2vMiWT9n2kjE+"
        "HTbZYrnKnpfbZh6MfW2sZDucJFEWpOK2yteLxWqzMQqvmXHhVInOGthq+7ZeZHNh7Mtjr0w1ubo6tfX+Zbl8ycvDm2as5fN0"
        "gFpLW/a6K/evmrFH9UoedtTEBE3joXmWVfV2vXo71jqBfbbM+NNo/Slfr7fHui/eFlrHHnUngM4dtDO1sUYpduvs1Bx2+7Il"
        "sow1xH6WAjXH3aHqiMvNYpU3j2pjWpf606GLtsjqsGv7um46FmSYMZkquXYQm3VdZrK2sdVj6pjxR115Jag/s09lTWPMeN/K"
        "VEM8HOKz5zm4P746Jh9RwpQ8cxAXKIUYuov611Irf96YEX1+66o/kmx07FGV38fKVMbcQCsu30w+xpetbftD6WPoo0HblxEg"
        "00ZNOavIPFSZXG2ebjNV84CsNjqDfUAbk8PJqcisjIe/8L+xi5WDXklvsyY6bB41gzUGFs/YuVd9rroHxt47tJYxk108KmNJ"
        "OnY2obOsOeUn6Zd5mEVRfrXyP8rua/YZbNDwuLP+5+pxOMrQE3wP30wGt1WtrTzmPftOK/8UjGkUhQyLYD5PC+mKovZPLcCY"
        "tSXfprtlzGmwomKx3HQ8xHEwZscAilBv2cchxeUy25Lw6SIYcye77gxOdMPn2zwvnKDNfOfTZDpGNmNWoflol2QyZ0zs9Qie"
        "/ZzY6ZTfJc/hmTgetGwY2j/z4zmTMWY3fnA4c8yVeb50cYxBx8T7PcvCXEuZa11K2jk+9mAmIR+7cj11e+cH5ezLzYd13Cow"
        "9s6a/Gzc5PwHEXO1He3nU/WlfX4/oC2cyT+o2Pn6s5X+mZLm3kRb7g9Vx0EZqNeP1QT9MY5amhOotVdIRtabpsM53DHR0Jnj"
        "zf5Y9lGecPBg3DVH9yE4iVYgKFGqYWOjtNy2R99XMbTiHmOYTRGdUX7me/DKIAf3piY/sUEA+EYDBK5p4eRHAAAAAAAAAAAA"
        "AOA3lsBzqsbFb7hZKc+EKwc0DqMZY99/TTwF/A9Dnu+kAsQRJr2KgbJU3oBYmKEEKWeagPO5OVCRxprC3QeiucJ9Z5IZMxMu"
        "yqIGY/FJrBJVttiCibsFERhLKYhGUjGjYO0uL+CVt4RJyWGDwp6fNQ8RlD80JiXHTnq6gadSYsddQJi2oqYJ1ezqeAtwaWGa"
        "rsNREF3vnWZXJRGqpNHUq+/DmHkecAHGQuV3BfdNNSRRho87pR0F21OoV74MJwJJ970zSGulFGhejBraHf7A1bjsu4ONYY/C"
        "3wIWdwD/O2+N18brP8fVgr9xeGDcztxEdp+eSBwt/NCNL7ohdsAMSdHhRFiCX4KxGI+8iALD9SgwFuWgZkyR5qrdtYiWnyjZ"
        "Ze2gGTu0IOxT0qxPqmHDC3q5EUrmCy028RLDHj5Cc2r7q+FqPHwB49i97qpumMbjLyOo31gn2QbhFC3VS8b+sDRN8f/v+9eW"
        "sSlGEVZmCtK03W55xtf9S2XmOipuOXniGd/FR88m5SR+SPRdz+LbX+2x+z2fctT70jH4f8gBaQg="
    )),
    "twenty_one_dot_under_two": (87, 250, (
        "eNrtXIeS4roSrQJnW5YsS7JCo/f/f/m6nYAZ0rDAsHfpqglrjKzT4XQQs7vdnwl4F3Yf+chHPvKRj3zkIx/5yEc+8pGPfOQj"
        "H/nIR/6DAh8V/AsS/2nw8Y1UAK/cRwQ3DP4tYhxebAAvm6b3b0KxL7WAa9NM+PeIvNc+zrFtwsMb2Hu3C681gGuTVIS3cHY3"
        "vNTbPU+z7j0OMF9s8yCyvP8n67cg81L/4vOdtr9Ee9CXtflFPtdld9HjANM83M8dhz/jsUJB1439LVJzNgztxVj7Meg4VqWR"
        "NLYijvHkglYcE9xrsur4FK+Ecj5cuossDncu/9V1jl7GpYO1Y/W0KCZOajlS1JOQB80aBdcc1jTyHnf/sn9YgM1mjydrxvga"
        "w8edE0VzJYnHndyw++YMAHBgU/hmzri2a/G4hH4BetBVzq9lcafsz5AfM9kaLN5a62B/G9jBHfZqBDo4vBSf4N7fxLKkND8w"
        "49U7ae8B5njF3x3MZgbbd23N1KJnCJpz0RmYVUVfYZCCteolrasXyeUKMv6MecF2dSNndEGxstEwUaSTvBdFWvXz05BjWsnr"
        "1u6dBIyUXZVWnXus1U+GT+iytHW3IYMbAhCGZrssiA14vs0ljC4TdCvdgN1ZM8wxJCrpTVPIfa53HR8sT5NKvWDqgBXkupeZ"
        "iL4lMbp+q//BUG8S5pbFs20mp+teMkMeti3VfGOLBRy26GKtdvCSCLihTcof7O6n8nLo86TUsFoc5hx+5a3xAvLtitzvkaM9"
        "mT1SxcCwgEPkc4eOTwDTdsi55SZpH906nTA8It8WPRzb9Mt9sHeIqzXGEXK034qcbA5BpNu0mwmBVRq/ZWLP9qYVAKrYO82j"
        "LB5P+GzoizEU6VdnkVTB+xC+3wfBO0pK12iX4vwLcpjzZyu9ZdsNIaf85UXJB1UtPDAqQ3Dnu2ybNo9EDsNwykkJeUYtS7C9"
        "EHJwuhOdNF+wA73KKQlJ7QLchdyKtu/K7Sbr5jtVVbYsR5JZ1wuKd32TIAs+1Ob+ZOwsyIPhTMhOCN5JXjXqAF4krbC6lVor"
        "2TKu/FXkdh9KM/II3oiWlel2dm9wskzSLO/I5MHP13qOyni0t5+ZDkzIkVYrgQZnZTt4w/Jaw8LrxDy8KLj2VKXotsR0eyWr"
        "rcjnrDYyB77ZaJFPHkZ6aOoiTXIaxIFVdizcwA+6r/eqeypyVdJevCxrHcDxUniMwDznbneQbIq8nat7rD/ysrNwE3Lfz0Dn"
        "bAB+iS2vyIm6Ok1rg5WOEZ2b0gcE0yTpS2xOyAWZmbBioOkwZrpKr32VE1mCaolLzVml5Xmrn0U+P22OLc1qYTytjIklopcz"
        "6aaUAmZeIE6k/GTkTpU51bDgBj/tL19Lq9CXCepmrTccz5JSndvTiLyxX+jzKLYwc1lekd+s0QCDYP0c60QUjR218NRGHXER"
        "8i7P+ECsPfZL44aXYn5gKSFdczsafZtyt7sTOWoxBFUzjB4gBiSNx3FQMBX0K3J8+alnPpPNrcBiWXTKrdpI+WzloCqqtQ+a"
        "bkzKycqAJ7l9KYePVTitTIcLTtQy7Cbk8+u+bzChTAskE/Kb+vT7A2JBnqUVZrR+TGZ0LW3t7lAN+5IVfJeij4ZzvRpLVkVN"
        "zh2OnpaMrNIYWLLehBx7vKrRo+OzJJ2Q3wALvLvXL+Y4J2+3Rgi7IkeSmUZ1Xb5N6dwPH2JHPxjrE3EvctJzX0+qPPQJGHjJ"
        "TDhAjnRwNbmBc/BnyFVVyOBka8b4mmw+VZVeZOPuwErOJe2I9pvy88i3V5BzI+oppo+iAUO9aLF4HPaq8/4Gb79rQLzParYt"
        "hMf22FDLtHo7TA082ZyAdxxzD4w+mp4bYU0sMA90MUkkWTvsR1BjnuA9YxOyY834vir44FeGe/KZNuiaIi+opu173rnV2/la"
        "e5OFHVa3nTUt9luzt59Djibb5ozz3k3pcVswLrSfiwGM85SJen73MXJwXVEIO1Hk8+dRRKWUrR11JEKH1TILNExiCTqAV60K"
        "jtMsibqpog/nkW/SpusEMrVHrW3zFrsBaoHInUinNZudfUly+y6V5YXoMYueRR6c28GDtIKMRK5LFbOx/qBnD0uPhZVLbXzP"
        "FBW3GJWO49YMnGc4zNHOdsiWZFN6rxG9H1t78qakqNgZHvCqyQpWJReWd/5hMYAMNhaLMMlM5wcJGxN6kktnuHTIBl0AQ/Fx"
        "tpKxVPj03vfCwJwkMGO1PQ0aR+TbtFze/Y0BnazSLN28xNsJWFqNXh73DpsVB9CcyNNaD1L0XVX2gTLgWZvsyCO2pcIyDUNn"
        "jBRETtTpZwZJNkmlwhnk2MRjfFyI83hmqHaXOOrMhrCfA2LjfAiNerU8Z0p3bU09LHYs1YVPNBEaDBUv0eY0ZkNvD0bIkToj"
        "xTl230ur9w05zSXTzSapLyF/mLtTCVFxNdCsicT2rGL6sGZGXi8LJvuubZXVLLvUpdLe84wphWCJHuss50qO1EnNF3n7Hut3"
        "5OgVdXLB2x8bBJiq25YL4vZx4iREb8NRzRxszxvWCqmt5lUt7aUNoJ7qiuEadLgS8P6qlcav7F2WTC/HLli8lPWXLOFllRXc"
        "Pj/Ox1m6t0ZrrZTSJAZxj/3hQY8Y3GAMNnNed525MoWE8d4lg+M/BrvGUhi0HvZpzBml3ZfGBJOMti/43FCcBrIQAtAX/YAj"
        "r1p5D8YjFu+uH3oB7ADOzKiPzzGmbBK/jnlf/amh8Vhvv9l4OKSG55xsP/kzAjf4+/fpOlzSz2UdxKsXfnxO+Uxzx7juAg3h"
        "1XCOR6cb47XDnHmhOB6fn7k93rzeUw3/v7g/WopArdbd21kOzE+UHDH+yH1egnzZ08UKyffS3UYYf028HzLbpfamrsyTwu23"
        "Ba4V+eo9Po/+1AR3JlX/s39hFf/xPzv67wn4v/d/Chs5+u5YdF3vdvFd6PaO/Rv/58gfOgN4lYS7P0NI3r40Kvjd/iCHwVt4"
        "+2NIHHZhPyCIMV4otMJgf9894i4+Qv/wo2WGunW/Twzx1pR7yoTxqH28uWyx7Nf/1nCeysIfBsbsODdbEZzbvYHEP3SZv7NG"
        "+z82QDDu"
    )),
    "fifteen_dot_under_unit": (87, 292, (
        "eNrtnNeWmzAQhgVr03u3AfH+bxmNGqIYJyfJWa3P/BfLIIkx+pBGBZJlQaFQKBQKhUKhUCgUCoVCXaupZoTwRh55IIQ3KtMJ"
        "IaBQKBQKhbJCSZJmSOFahOnDnjoyer/y+9cOKUPkYG9CRn+pmTFyEcOlJsboCzFcamSMbojhUk/G6I4YkNHfxuymrhrEsNPg"
        "BAjhjXryCYzm/vn7ZR/P8Q9fulD6AYxaEr0JtGW3liWXpceqHkyk9LeoT9a/6+qD4ir7kUfEq3q5gGOM4v3lYRRXElFCiKch"
        "0Zpsig+sYJykm5g9l1AmtL+tTeMFohAqQXxe8zk/MmoMEKa90IpfSdTmQX8X53cDEnf4pm3aoa58PSwFrGVk7E8A7zWhYTi7"
        "PbLa4GDaooWAUiPThMYeTgYO3SP4P512td+Jj7UFr1sGn9eUVyk9ltCJR7vWTLobA900MXdo8HXz1jW5/TxGrDFk8jB2KVSp"
        "OJZ4ySjlByffnq+Yz9J+ngoWioqyiljIiAGAWy5njLJzO9OH4/maRnMzzcYVVNv1w+PxPB1+28QjG31VZxQJyY92zXpQRteU"
        "iY15t7ZjDoNe+2f9L3lmxGZGQ92EsvbZNO0H4Ca+kx2i+uiDj0zF0V5yfVmhAd69FaKGSsg20aqJURVsCGwjTR3edoTuwdly"
        "lLeC0rCVm9LZOlbMQmOWWX+d/7g1I76/Y0DMWFPJu4+KIs/SNImjsDt1c2CkvRSu66x+lcPNryyVd7+7h1RrEHm6efiex++T"
        "rNGm5DWK6+rtWi41Lky3TjYpYCXQcIPhwoNdqzQea/z4RngHym/8kevOlPDJnph/d5eceMn6aO9SCgY9HdcCQz3azqjhiNjk"
        "uQorNq6xUS3lkORkLId2lUItmjy/x9XFYiU22MYbzhtGCQwL62nvqydwRtYORTx6wvriAWGppPJWSaezM/hisBaBOxmvPb1k"
        "pFIAemMUAEN9kni8yg7BkB9BHxpEWKqovNdOZ3fSiPPbWp8XjGTza26rvc1lx3wyCnP22XTw8P1K9Qe3EDx7aXg+62Y1FYmO"
        "SlWMWBOCEbq7oq1zQ7IrKXOhI3ebwnyYy2f7GI16mggdbBAbFt6TV6EXZDQ5ZfTitH85UffImgvX5Z05Zxee2N9yVvsj3Tpy"
        "FpCYOOTiGXyfFCPfPHBGg5nNjHjiXWi4dBUmaTZKm+Ho6ZZR7CiMwQq0cGUfNxNtEjz8hxjA2G0+7+JMpW6MBIbtcLxkxCdT"
        "02rX2wbr6xQNXw2ekG4mWiRo809p1MNNnpmpwmjk7PhxjVsMftNqN9TIdVcHnukrc0RJ7/oHvkt8WIFgkKpV1bhnFExq+Q6B"
        "g17iLvjC6ymuCx3lRuZCSKa7ZyPGECjZjnc7GfGq51RFTLakZ0ToTbLiCIW1VAJS2XYdfYWbTa8aFy5gdjhxl+OW0XM5Y6R+"
        "fJtojXgfgqmjmBaRSaXx1vMEMGHMB6gyVxVph8e5p0mgGsWfRR007TUi66dgzp/ILtEWVbziVcOaB1g3wOGu9yoaT8yGqzwv"
        "nHVr4OR9JWMUzQuAnMCu2q53JWrFXZ/x0+kwgdonWrQLa2wNQYOiwEL2p4dDXuiwYclfa0Cnyeiim5w3G7lGsHEPHgKLGRn7"
        "hMTjCbx+KuYM/Y5NJJ/4Nij5dOkVF6p8mKWc7TVHRnIstPRVbZaK+gQ+P513BLpW4cnSJIlZtwj8w9dD0EI6EdT5TmLKV8a+"
        "v5iMjFjjHCizOP7lOo61b2oT2F4M5cnx0+mmrquyKIytZs873YuCgnqlH4WbL0XobDYR8Lj8WFHXxS9eUR8lGiUI4Y3mj/zQ"
        "ff6n7xBp235i78CvZVEo1HfrEeC/j32nz/hG/T8P+j3+JzkoFAqFQqFQVusX0NQ67w=="
    )),
    "two_dot_in_unit": (87, 250, (
        "eNrtWudyszoQnTGogkQTqvD+r3lXEsY1Mblpdj72R4YiQ47OlrMS07Tbbrvttttuu+2229s278h35DvyHfmOfLfddtttt912"
        "2+3vWAD7J4E7NQza/4PqNWjBeGvDX0Qe3p2UoGiBav0Hkc8PfCEiL2vzyg3P//X2ATgXOvzROA/Ov4e8rP8sctMO4V1v10/s"
        "7fMnnHo2zfAozp8WNCSq/8/KHIz7AuTz31r2CYojIsyGuAGl93vY/8+b5/d/HkwrZO82eU54LeSP2PTWWHdxJ9x7kR185v3H"
        "uwq/9aXz1QyFh5M4b0mcbgzwKKD9h1OcM6O2PmzN7fMD55jPZ+hqcLj/DsD8C94+B93WolVu46uDd96H9dj5E+8+2pkbrOcX"
        "7n4x5Gy6fjzM56AqhKhQ/iYA53v/oR26fvTHJrSPx/Oi5fTQ98qs0+K06gdlwgVsA9dGF+74Sfh55FrgoqSdW/zzHvL5rPGs"
        "KWvssQldjyFN9YJTVrV5WsLkBskZnJ/158ENeUy89usVHOK8r1CBpLuK4nyw/L0rTsLIy7JaSPVDhREG72mSTg9+rOEsnp9Y"
        "dypeK8t87de1C4iwlhSlsOFumUpTcYH8UKzIWVFUGUQwEiNWA3rWJ5JtSxCtOIFzt5Z3Cdc4wyVce4I2Zga6aFHUC/JwU68u"
        "xO0l54Ccm7Q6Efmn7TjUCDcWkiVEBSLNqEQ6n1Yfoa1axjyDbE/NpEhO6Z2F1J2yto3d57wBeYqIoFhZKW8bjNKTwlghPnjX"
        "ESSP8hXGlzyOQXnMFH4XOfCjFuTBqq5te+29Htq2G22qdBs4nxOfrDejQHA3pOyHaGd0g/GaA9OYweo4RkdP+WXkywICIA+2"
        "rykhvFGq4YQw0bul0L6DvFq83QiMq0amu2GJc95Ihs/jvM5jIC/q6ZdT3Ak5xLmD9FwihGktGIYUjGvlrv/BK+Rlseb2nmNM"
        "SHFYkLuOFghjRORpTcb1rEQEFwVUhAeLlz/j7gtyPwpckqoGuoH4mqGCyBzE8/RmVVuRT7arKMGHA8rebhpQCcWhoCnVL2LH"
        "dJxgdDhk5FsU4/SwSfgU8ozGdrTEYhh7KE28Vx0rUKXClZi7RX6kNBjVNVUZkSd6OTgP0EsHf6rd3gytrMpiVQEf6QC/uJc7"
        "cg7ZNmYe2mprWgZkOzgtorJ7e5nlEnmsB6bD+W4YoaiJtsYFaV0uGlnaQd8ax2xEHjatBH7S24UZgQz4bwc9yBqIghRVnPLy"
        "Y2+/uAvVDLKEibEuY+m2ahX7Xq1Z8HH/fJb/wxf7+4Ic8pJWvCgwYzVojcFGOUoPSJiNyOeLu7ELgpzu13I5ClarzHrYjjxr"
        "53BU1PM3IR8HCGxeV6zqTHRQ0CZ3lg83cR5A0OBYJo+DPcwEFmMqkh/gfPH3OZYBYH+evg05dGwKSrq0GQUgv6m7uQ68jZzE"
        "quYUjwIOBpO03g66piElESpC/wjyRHmw3Zge/vWxnuNcAy9cOSOpeIS80ml5ISrWgp9327GfAahaEhLbsRX55EcJ0CWw/jHO"
        "06sHLL+hqiXlmcNRC8J6rQSVaQ9w8fb5GjmBStUOyviMfDleNFF60tgzqIf+IjSiWEBUjiEjrz6y/WDk8C2qZ04Yi1pDCaaV"
        "FJx3OR77VOvOOZ8X5NBqVs3og+JQvlk6Pq7vRKi9AMptuEwKTonIOnjLh5FP/nsEfu42YhNlGk4Z403qJibIUrmqzTeclzjy"
        "p31EvhyHUyxwQXGi/Az5nJYqQC802sWIqJ5hywlwmSxavO6lbDqd1sRjm5ml561up3VFEOssIC8I5wQdFU/SRJQi2rrpCvk0"
        "+6FKUql/os021+ICQXsCIszYnLCSkEHVGO5UNdKoATozqSHOQe7G46XuJ85xLGDhAnkW/y5CZw3kut9HfpTTUIUiBpNWlMG8"
        "013k80bCRTDQYzvoxFA9Aue0d3H1ISXwhPwAwXBsTK92FEOCDi7xDJwv64u2YwC9ano1amOMVp2AVg3XN5QvKxA2dt9CQ0DQ"
        "zibkSzAD8sMBSxOui39WY7YH6GXxNN4e1w9bYB0RVgnZSCkqBo06qYeb9jyuLoAz912FSWuNxLju+hoTmTNhVLyHkh9/dy57"
        "Ftah4BWHwxNtqnvT1RQjhLMhOGJS3dsFdR3HhDOArLwb4JgxgqvBr8hjV583VsLt/jnoMY4y8mfZMA9u7GTFKInACWW17PXd"
        "lWFwj4oSSuvehWDiagShdWdPCWOpaDnO4fSy6YHMGQNLPssnJCkInVF91zayadq2H80bK+JziKsLTZccIhjVStkpG46LLq1o"
        "eru2bvp2/xxmS8C0PsnngYtWiRuEzkZz/g3ZFEt98GnE8SfxOKxPsMeymC7AqTnfP4/LKjDDxrjn+V5q3r7N9e6+4wl1eMEP"
        "AN+ZhNtbd78SsX4+esiWtcXnQr8N+d2d1zCK4f2HveCXUNs+Lhh4//Anf/Ozdzfaabfddtttt92+of7OLyodvkB4rAL6H4O/"
        "sv4Z5C85ZQDX9Hb+3D//ol2X7/jwSWd/Vc51Z/45zqfTZ8Sf+o76ZZvKT+f250T+H1iu2Cg="
    )),
}


def crop(name: str) -> np.ndarray:
    """The cell's grayscale pixels."""
    return decode(CROPS[name])


def decode(stored: tuple[int, int, tuple[str, ...]]) -> np.ndarray:
    """A stored crop (height, width, data) as 8-bit grayscale."""
    height, width, data = stored
    levels = np.frombuffer(zlib.decompress(base64.b64decode("".join(data))), np.uint8)
    return (levels.reshape(height, width) * _LEVEL + _LEVEL // 2).astype(np.uint8)
